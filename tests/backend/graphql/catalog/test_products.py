import json
from datetime import timedelta

import pytest
from django.utils import timezone
from graphql_relay import to_global_id

from producers.models import ProducerStatus
from tests.backend.catalog.factories import make_channel, make_producer, make_product
from tests.conftest import content

PRODUCTS = """
query Products($channel: String, $first: Int, $after: String, $filter: ProductFilterInput,
               $where: ProductWhereInput, $sortBy: ProductOrder, $search: String) {
  products(channel: $channel, first: $first, after: $after, filter: $filter, where: $where,
           sortBy: $sortBy, search: $search) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id name slug
      thumbnail(size: 200, format: WEBP) { url alt }
      pricing { priceRange { start { gross { amount currency } } stop { gross { amount } } } }
      category { name slug level }
      producer { name slug province { code name } }
      ocop { stars }
    } }
  }
}
"""


@pytest.fixture
def channel(db):
    return make_channel()


def products(client, **variables):
    variables.setdefault("channel", "vn")
    variables.setdefault("first", 20)
    return client.post_graphql(PRODUCTS, variables)


def slugs(response):
    return [edge["node"]["slug"] for edge in content(response)["data"]["products"]["edges"]]


def test_products_show_prices_in_whole_dong_with_category_and_producer(api_client, channel):
    # given
    product = make_product("Nem chua Thanh Hóa", channel=channel, prices=(45_000, 85_000))

    # when
    data = content(products(api_client))["data"]["products"]

    # then
    assert data["totalCount"] == 1
    node = data["edges"][0]["node"]
    assert node["id"] == to_global_id("Product", product.pk)
    price_range = node["pricing"]["priceRange"]
    assert price_range["start"]["gross"] == {"amount": 45000, "currency": "VND"}
    assert price_range["stop"]["gross"] == {"amount": 85000}
    assert node["category"]["slug"] == "che-bien-tu-thit-trung-sua-thuy-san-mat-ong"
    assert node["producer"]["province"] == {"code": "38", "name": "Thanh Hóa"}
    assert node["ocop"] is None
    media = product.media.get()
    media_id = to_global_id("ProductMedia", media.pk)
    assert node["thumbnail"]["url"] == f"http://testserver/thumbnail/{media_id}/256/webp/"


@pytest.mark.parametrize(
    ("change", "visible_to_shoppers"),
    [
        ({}, True),
        ({"is_published": False}, False),
        ({"published_at": "future"}, False),
        ({"published_at": None}, True),
        ({"visible_in_listings": False}, False),
        ({"producer_status": ProducerStatus.PENDING}, False),
        ({"producer_status": ProducerStatus.SUSPENDED}, False),
        ({"channel_inactive": True}, False),
    ],
)
def test_listing_visibility_follows_saleor_and_producer_approval(
    api_client, staff_api_client, channel, change, visible_to_shoppers
):
    # given
    producer = make_producer(status=change.get("producer_status", ProducerStatus.APPROVED))
    published_at = change.get("published_at", "past")
    if published_at == "future":
        published_at = timezone.now() + timedelta(days=1)
    product = make_product(
        "Chè lam",
        channel=channel,
        producer=producer,
        is_published=change.get("is_published", True),
        published_at=published_at,
        visible_in_listings=change.get("visible_in_listings", True),
    )
    if change.get("channel_inactive"):
        channel.is_active = False
        channel.save()

    # when
    shopper_sees = slugs(products(api_client))
    staff_sees = slugs(products(staff_api_client))

    # then
    assert shopper_sees == ([product.slug] if visible_to_shoppers else [])
    assert staff_sees == [product.slug]


def test_product_hidden_from_listings_is_still_reachable_by_slug(api_client, channel):
    # given
    product = make_product("Mắm tép", channel=channel, visible_in_listings=False)
    query = 'query($slug: String) { product(slug: $slug, channel: "vn") { name isAvailable } }'

    # when
    data = content(api_client.post_graphql(query, {"slug": product.slug}))["data"]

    # then
    assert data["product"] == {"name": "Mắm tép", "isAvailable": True}


def test_product_of_unapproved_producer_is_not_found_by_slug(api_client, staff_api_client, channel):
    # given
    product = make_product(
        "Gạo", channel=channel, producer=make_producer(status=ProducerStatus.PENDING)
    )
    query = 'query($slug: String) { product(slug: $slug, channel: "vn") { name } }'

    # when
    shopper = content(api_client.post_graphql(query, {"slug": product.slug}))["data"]
    staff = content(staff_api_client.post_graphql(query, {"slug": product.slug}))["data"]

    # then
    assert shopper["product"] is None
    assert staff["product"] == {"name": "Gạo"}


def test_filters_by_province_producer_category_and_price(api_client, channel):
    # given
    thanh_hoa = make_producer(province_code="38")
    nghe_an = make_producer(province_code="40")
    nem = make_product("Nem", channel=channel, producer=thanh_hoa, prices=(40_000,))
    gao = make_product("Gạo", channel=channel, producer=nghe_an, prices=(120_000,), product_set=3)

    # when / then
    assert slugs(products(api_client, filter={"provinces": ["40"]})) == [gao.slug]
    producer_id = to_global_id("Producer", thanh_hoa.pk)
    assert slugs(products(api_client, filter={"producers": [producer_id]})) == [nem.slug]
    assert slugs(products(api_client, filter={"price": {"gte": 100000}})) == [gao.slug]
    # Rice (set 3) and nem (set 8) are both in sector I, Food: a sector includes its sets.
    sector_id = to_global_id("Category", gao.category.parent_id)
    assert slugs(products(api_client, filter={"categories": [sector_id]})) == [gao.slug, nem.slug]
    set_id = to_global_id("Category", gao.category_id)
    assert slugs(products(api_client, filter={"categories": [set_id]})) == [gao.slug]
    assert slugs(products(api_client, where={"minimalPrice": {"range": {"lte": 50000}}})) == [
        nem.slug
    ]


def test_ocop_stars_filter_matches_nothing_until_certificates_exist(api_client, channel):
    # given
    make_product("Nem", channel=channel)

    # when
    response = products(api_client, filter={"ocopStars": [3, 4, 5]})

    # then
    assert slugs(response) == []
    assert content(response)["data"]["products"]["totalCount"] == 0


@pytest.mark.parametrize(
    ("field", "direction", "expected"),
    [
        ("NAME", "ASC", ["An", "Bưởi", "Chè"]),
        ("NAME", "DESC", ["Chè", "Bưởi", "An"]),
        ("PRICE", "ASC", ["Chè", "An", "Bưởi"]),
        ("MINIMAL_PRICE", "DESC", ["Bưởi", "An", "Chè"]),
        ("CREATED_AT", "ASC", ["Bưởi", "Chè", "An"]),
        ("OCOP_STARS", "ASC", ["An", "Bưởi", "Chè"]),
    ],
)
def test_sorting(api_client, channel, field, direction, expected):
    # given
    make_product("Bưởi", channel=channel, prices=(90_000,))
    make_product("Chè", channel=channel, prices=(10_000,))
    make_product("An", channel=channel, prices=(50_000,))

    # when
    response = products(api_client, sortBy={"field": field, "direction": direction})

    # then
    names = [e["node"]["name"] for e in content(response)["data"]["products"]["edges"]]
    assert names == expected


def test_keyset_pages_cover_every_product_once(api_client, channel):
    # given
    created = {make_product(f"Sản phẩm {i:02}", channel=channel).slug for i in range(7)}
    seen, after = [], None

    # when
    while True:
        data = content(products(api_client, first=3, after=after))["data"]["products"]
        seen += [edge["node"]["slug"] for edge in data["edges"]]
        if not data["pageInfo"]["hasNextPage"]:
            break
        after = data["pageInfo"]["endCursor"]

    # then
    assert len(seen) == 7
    assert set(seen) == created


def test_search_argument_ranks_exact_name_first(api_client, channel):
    # given
    make_product("Nem chua Thanh Hóa loại đặc biệt", channel=channel)
    make_product("Nem chua", channel=channel)
    make_product("Mật ong", channel=channel)

    # when
    response = products(api_client, search="nem chua")

    # then
    names = [e["node"]["name"] for e in content(response)["data"]["products"]["edges"]]
    assert names == ["Nem chua", "Nem chua Thanh Hóa loại đặc biệt"]


@pytest.mark.parametrize("count", [5, 50])
def test_products_page_runs_a_constant_number_of_queries(
    api_client, channel, django_assert_max_num_queries, count
):
    # given
    for index in range(count):
        make_product(f"Sản phẩm {index}", channel=channel, prices=(10_000, 20_000))

    # when
    with django_assert_max_num_queries(8):
        response = products(api_client, first=count)

    # then
    assert len(content(response)["data"]["products"]["edges"]) == count


def test_products_without_channel_use_the_only_channel(api_client, channel):
    # given
    make_product("Nem", channel=channel)

    # when
    response = api_client.post_graphql("{ products(first: 5) { edges { node { name } } } }")

    # then
    assert json.loads(response.content)["data"]["products"]["edges"] == [{"node": {"name": "Nem"}}]
