"""Category.ancestors, children, parent, level and products, as Saleor has them."""

import pytest

from backend.catalog.models import Category, CategoryTranslation
from tests.backend.catalog.factories import make_channel, make_product
from tests.conftest import content, counted_post

TREE = """
query($slug: String!, $first: Int, $last: Int, $after: String) {
  category(slug: $slug) {
    slug level parent { slug level }
    ancestors(first: $first, last: $last, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { slug level parent { slug } } }
    }
    children(first: 5) { totalCount edges { node { slug level parent { slug } } } }
  }
}
"""


@pytest.fixture
def channel(db):
    return make_channel()


@pytest.fixture
def leaf(db):
    """A third level below an OCOP product set (the model allows any depth)."""
    product_set = Category.objects.get(ocop_product_set=8)
    return Category.objects.create(name="Nem", slug="nem", parent=product_set)


def tree(client, slug, **variables):
    variables.setdefault("first", 10)
    return content(client.post_graphql(TREE, {"slug": slug, **variables}))["data"]["category"]


def slugs(connection):
    return [edge["node"]["slug"] for edge in connection["edges"]]


def test_ancestors_list_the_root_first(api_client, leaf):
    # when
    data = tree(api_client, "nem")

    # then
    product_set = Category.objects.get(ocop_product_set=8)
    assert data["level"] == 2
    assert data["parent"] == {"slug": product_set.slug, "level": 1}
    assert data["ancestors"]["totalCount"] == 2
    assert slugs(data["ancestors"]) == ["thuc-pham", product_set.slug]
    assert [e["node"]["level"] for e in data["ancestors"]["edges"]] == [0, 1]
    assert data["ancestors"]["edges"][0]["node"]["parent"] is None
    assert data["children"] == {"totalCount": 0, "edges": []}


def test_a_root_has_no_ancestors_and_lists_its_children(api_client, db):
    # when
    data = tree(api_client, "thuc-pham")

    # then
    assert data["level"] == 0
    assert data["parent"] is None
    assert data["ancestors"]["edges"] == []
    assert data["children"]["totalCount"] > 0
    assert {e["node"]["level"] for e in data["children"]["edges"]} == {1}
    assert {e["node"]["parent"]["slug"] for e in data["children"]["edges"]} == {"thuc-pham"}


def test_ancestors_paginate(api_client, leaf):
    # when
    first = tree(api_client, "nem", first=1)["ancestors"]
    rest = tree(api_client, "nem", first=1, after=first["pageInfo"]["endCursor"])["ancestors"]
    nearest = tree(api_client, "nem", first=None, last=1)["ancestors"]

    # then
    product_set = Category.objects.get(ocop_product_set=8).slug
    assert slugs(first) == ["thuc-pham"]
    assert first["pageInfo"]["hasNextPage"] is True
    assert slugs(rest) == [product_set]
    assert slugs(nearest) == [product_set]


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"first": None}, "You must provide a `first` or `last` value"),
        ({"first": 101}, "exceeds the `first` limit of 100"),
        ({"first": -1}, "cannot be negative"),
        ({"after": "bm90LWEtY3Vyc29y"}, "Received cursor is invalid."),
    ],
)
def test_bad_ancestors_arguments_are_errors(api_client, leaf, variables, message):
    # when
    response = api_client.post_graphql(TREE, {"slug": "nem", "first": 10, **variables}).json()

    # then
    assert response["data"]["category"]["ancestors"] is None
    assert message in response["errors"][0]["message"]


def test_products_of_a_category_include_every_level_below_it(api_client, channel, leaf):
    # given
    nem = make_product("Nem chua", channel=channel)
    nem.category = leaf
    nem.save()
    honey = make_product("Mật ong", channel=channel, product_set=8)
    rice = make_product("Gạo", channel=channel, product_set=3)
    query = (
        'query($slug: String!) { category(slug: $slug) { products(first: 10, channel: "vn") '
        "{ edges { node { slug } } } } }"
    )

    # when
    def listed(slug):
        data = content(api_client.post_graphql(query, {"slug": slug}))["data"]
        return {edge["node"]["slug"] for edge in data["category"]["products"]["edges"]}

    # then
    product_set = Category.objects.get(ocop_product_set=8).slug
    assert listed("thuc-pham") == {nem.slug, honey.slug, rice.slug}
    assert listed(product_set) == {nem.slug, honey.slug}
    assert listed("nem") == {nem.slug}


@pytest.mark.parametrize("count", [5, 26])
def test_categories_with_parents_run_a_constant_number_of_queries(
    api_client, db, django_assert_max_num_queries, count
):
    # when
    with django_assert_max_num_queries(2):
        response = api_client.post_graphql(
            "query($n: Int) { categories(first: $n, level: 1) "
            "{ totalCount edges { node { slug level parent { slug level } } } } }",
            {"n": count},
        )

    # then
    edges = content(response)["data"]["categories"]["edges"]
    assert len(edges) == count
    assert all(edge["node"]["parent"]["level"] == 0 for edge in edges)


TRANSLATED = """
query($n: Int) { categories(first: $n, level: 1) { edges { node {
  slug translation(languageCode: EN) { name }
  parent { translation(languageCode: EN) { name } }
} } } }
"""


@pytest.mark.parametrize("count", [5, 26])
def test_category_translations_cost_one_query_per_page(api_client, db, count):
    # given: the OCOP taxonomy comes with English names
    english = dict(
        CategoryTranslation.objects.filter(language_code="en").values_list("category__slug", "name")
    )

    # when
    queries, data = counted_post(api_client, TRANSLATED, {"n": count})

    # then
    edges = data["categories"]["edges"]
    assert len(edges) == count
    first = edges[0]["node"]
    assert first["translation"] == {"name": english[first["slug"]]}
    assert first["parent"]["translation"]["name"] in english.values()
    # categories (with their parents), then the translations of both
    assert queries == 2
