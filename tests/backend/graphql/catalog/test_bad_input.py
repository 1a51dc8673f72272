import json

import pytest
from graphql_relay import to_global_id

from tests.backend.catalog.factories import make_channel, make_product

PRODUCTS = """
query($channel: String, $first: Int, $last: Int, $after: String, $search: String,
      $filter: ProductFilterInput) {
  products(channel: $channel, first: $first, last: $last, after: $after, search: $search,
           filter: $filter) {
    edges { node { name } }
  }
}
"""


@pytest.fixture
def product(db):
    return make_product("Nem chua Thanh Hóa", channel=make_channel())


def errors_of(response):
    assert response.status_code == 200
    body = json.loads(response.content)
    return [error["message"] for error in body.get("errors", [])], body.get("data")


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        (
            {"first": 101},
            "Requesting 101 records on the `products` connection exceeds the `first` limit "
            "of 100 records.",
        ),
        (
            {"first": 1, "last": 1},
            "Including a `first` and `last` value on the `products` connection is not supported.",
        ),
        (
            {},
            "You must provide a `first` or `last` value to properly paginate the `products` "
            "connection.",
        ),
        ({"first": 5, "after": "bm90LWpzb24="}, "Received cursor is invalid."),
        ({"first": 5, "after": "%%%"}, "Received cursor is invalid."),
        ({"first": 5, "after": "WyJhIl0="}, "Received cursor is invalid."),
        ({"first": 5, "channel": "khong-co"}, "Kênh 'khong-co' không tồn tại."),
        ({"first": 5, "filter": {"categories": ["bad-id"]}}, "Couldn't resolve id: bad-id."),
        (
            {"first": 5, "filter": {"categories": [to_global_id("Product", 1)]}},
            f"Invalid ID: {to_global_id('Product', 1)}. Expected: Category, received: Product.",
        ),
    ],
)
def test_bad_pagination_channel_and_ids_are_graphql_errors(api_client, product, variables, message):
    # given
    variables.setdefault("channel", "vn")

    # when
    messages, data = errors_of(api_client.post_graphql(PRODUCTS, variables))

    # then
    assert messages == [message]
    assert data == {"products": None}


def test_unknown_channel_error_carries_saleor_code(api_client, product):
    response = api_client.post_graphql(PRODUCTS, {"first": 1, "channel": "nope"})

    error = json.loads(response.content)["errors"][0]
    assert error["extensions"]["exception"]["code"] == "NOT_FOUND"


@pytest.mark.parametrize(
    "search",
    [
        "'; DROP TABLE catalog_product; --",
        "\\' OR '1'='1",
        ".*(nem|chua)+[",
        "%%%",
        "nem & | ! <-> :*",
        "\x00",
        "😀" * 300,
    ],
)
def test_search_metacharacters_never_break_the_query(api_client, product, search):
    # when
    messages, data = errors_of(
        api_client.post_graphql(PRODUCTS, {"channel": "vn", "first": 5, "search": search})
    )

    # then
    assert messages == []
    assert isinstance(data["products"]["edges"], list)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('{ product(slug: "khong-co", channel: "vn") { name } }', None),
        ('{ product(id: "%%%", channel: "vn") { name } }', "Couldn't resolve id: %%%."),
        ('{ product(id: "UHJvZHVjdDphYmM=", channel: "vn") { name } }', None),
        ('{ product(channel: "vn") { name } }', "Argument 'id' or 'slug' must be specified."),
        ('{ product(slug: "x", channel: "khong-co") { name } }', "Kênh 'khong-co' không tồn tại."),
        ('{ productVariant(sku: "NOPE", channel: "vn") { name } }', None),
        ('{ category(slug: "khong-co") { name } }', None),
        ('{ category(id: "Q2F0ZWdvcnk6") { name } }', "Couldn't resolve id: Q2F0ZWdvcnk6."),
        ('{ collection(slug: "x", channel: "vn") { name } }', None),
        ('{ page(slug: "khong-co") { title } }', None),
        ('{ menu(slug: "khong-co") { name } }', None),
    ],
)
def test_unknown_or_malformed_lookups(api_client, product, query, message):
    # when
    messages, data = errors_of(api_client.post_graphql(query))

    # then
    assert messages == ([message] if message else [])
    assert list(data.values()) == [None]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            '{ products(first: 5, channel: "vn", sortBy: {field: RANK, direction: DESC}) '
            "{ edges { node { name } } } }",
            "Sorting by RANK is available only when using a search filter.",
        ),
        (
            '{ products(first: 5, channel: "vn", where: {category: {eq: "!!"}}) '
            "{ edges { node { name } } } }",
            "Couldn't resolve id: !!.",
        ),
        (
            '{ productVariants(first: 5, channel: "vn", ids: ["UHJvZHVjdDox"]) '
            "{ edges { node { sku } } } }",
            "Invalid ID: UHJvZHVjdDox. Expected: ProductVariant, received: Product.",
        ),
        ('{ productVariant(channel: "vn") { sku } }', "Argument 'id' or 'sku' must be specified."),
        (
            "{ categories(first: 1000) { totalCount } }",
            "Requesting 1000 records on the `categories` connection exceeds the `first` limit "
            "of 100 records.",
        ),
        ("{ menu { name } }", "At least one of arguments is required: 'id', 'name', 'slug'."),
    ],
)
def test_more_bad_arguments_are_graphql_errors(api_client, product, query, message):
    # when
    messages, data = errors_of(api_client.post_graphql(query))

    # then
    assert messages == [message]
    assert list(data.values()) == [None]


def test_where_and_or_combine(api_client, product):
    # given
    other = make_product("Mật ong", channel=product.channel_listings.get().channel)
    query = (
        'query($where: ProductWhereInput) { products(first: 5, channel: "vn", where: $where) '
        "{ edges { node { name } } } }"
    )
    where = {
        "OR": [{"slug": {"eq": product.slug}}, {"slug": {"eq": other.slug}}],
        "AND": [{"name": {"oneOf": ["Mật ong"]}}],
    }

    # when
    messages, data = errors_of(api_client.post_graphql(query, {"where": where}))

    # then
    assert messages == []
    assert data["products"]["edges"] == [{"node": {"name": "Mật ong"}}]
