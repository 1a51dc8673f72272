"""Whole-response cache of anonymous catalogue reads."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.checkout.complete import checkout_complete
from backend.inventory.models import Stock
from backend.orders.services import order_cancel
from tests.backend.catalog.factories import make_channel, make_product
from tests.backend.checkout.factories import make_shipping, ready_checkout

LIST = """
query { products(channel: "vn", first: 10) { edges { node { name slug
  pricing { priceRange { start { gross { amount } } } } } } } }
"""
STOCK = """
query { products(channel: "vn", first: 10) { edges { node { name
  variants { quantityAvailable } } } } }
"""


@pytest.fixture
def product(db):
    channel = make_channel()
    return make_product("Nem chua Thanh Hóa", channel=channel, prices=(45_000,))


def names(response):
    return [e["node"]["name"] for e in json.loads(response.content)["data"]["products"]["edges"]]


def test_a_repeated_anonymous_read_is_served_without_sql(
    api_client, product, response_cache, django_assert_num_queries
):
    # given: the first request parses the query and stores the response
    first = api_client.post_graphql(LIST)

    # when
    with django_assert_num_queries(0):
        second = api_client.post_graphql(LIST)

    # then
    assert second.content == first.content
    assert names(second) == ["Nem chua Thanh Hóa"]


def test_a_catalogue_change_retires_cached_responses(api_client, product, response_cache):
    # given
    api_client.post_graphql(LIST)
    api_client.post_graphql(LIST)

    # when
    product.name = "Nem chua Đông Sơn"
    product.save()

    # then
    assert names(api_client.post_graphql(LIST)) == ["Nem chua Đông Sơn"]


def test_signed_in_reads_are_never_cached(staff_api_client, product, response_cache):
    # given
    staff_api_client.post_graphql(LIST)

    # when
    with CaptureQueriesContext(connection) as queries:
        staff_api_client.post_graphql(LIST)

    # then: the second request still reads the database
    assert len(queries) > 0


def quantities(response):
    edges = json.loads(response.content)["data"]["products"]["edges"]
    return [v["quantityAvailable"] for e in edges for v in e["node"]["variants"]]


def sell_one(product, django_capture_on_commit_callbacks):
    """A guest buys one unit through the real checkout (allocation is a conditional UPDATE)."""
    variant = product.variants.get()
    make_shipping(product.producer)
    checkout = ready_checkout(AnonymousUser(), product.channel_listings.get().channel, [variant])
    with django_capture_on_commit_callbacks(execute=True):
        return checkout_complete(actor=AnonymousUser(), token=checkout.pk)


def test_stock_levels_are_cached_until_stock_moves(
    api_client, product, response_cache, django_capture_on_commit_callbacks
):
    # given: a cached response showing 10 available
    assert quantities(api_client.post_graphql(STOCK)) == [10]
    with CaptureQueriesContext(connection) as queries:
        assert quantities(api_client.post_graphql(STOCK)) == [10]
    assert len(queries) == 0

    # when: a sale allocates one unit (a conditional UPDATE, no model save)
    order = sell_one(product, django_capture_on_commit_callbacks)

    # then: the next read shows the new level
    assert quantities(api_client.post_graphql(STOCK)) == [9]

    # and cancelling the order gives the unit back, which shows too
    with django_capture_on_commit_callbacks(execute=True):
        order_cancel(actor=None, order=order)
    assert quantities(api_client.post_graphql(STOCK)) == [10]


def test_a_sale_does_not_retire_responses_without_stock_levels(
    api_client, product, response_cache, django_capture_on_commit_callbacks
):
    # given
    api_client.post_graphql(LIST)

    # when
    sell_one(product, django_capture_on_commit_callbacks)

    # then: the list (no stock field) is still served from the cache
    with CaptureQueriesContext(connection) as queries:
        assert names(api_client.post_graphql(LIST)) == ["Nem chua Thanh Hóa"]
    assert len(queries) == 0


def test_languages_are_cached_apart(api_client, product, response_cache):
    # given
    api_client.post_graphql(LIST, HTTP_ACCEPT_LANGUAGE="vi")
    api_client.post_graphql(LIST, HTTP_ACCEPT_LANGUAGE="vi")

    # when
    english = api_client.post_graphql(LIST, HTTP_ACCEPT_LANGUAGE="en")

    # then: a separate entry (stored now), not the Vietnamese one reused
    assert english.status_code == 200
    assert len([key for key in cache._cache if "graphql:response:" in key]) == 2


LISTINGS = """
query { products(channel: "vn", first: 10) { edges { node { name
  channelListings { isPublished } variants { channelListings { price { amount } } } } } } }
"""


def test_staff_only_fields_never_reach_anonymous_readers_through_the_cache(
    api_client, staff_api_client, product, response_cache
):
    # given: staff read the staff-only listings; an anonymous reader asked before too
    staff = json.loads(staff_api_client.post_graphql(LISTINGS).content)
    assert staff["data"]["products"]["edges"][0]["node"]["channelListings"]
    api_client.post_graphql(LISTINGS)

    # when
    anonymous = json.loads(api_client.post_graphql(LISTINGS).content)

    # then: still a permission error, never the staff's (or any) listings
    node = anonymous["data"]["products"]["edges"][0]["node"]
    assert node["channelListings"] is None
    assert node["variants"] == [{"channelListings": None}]
    codes = {error["extensions"]["exception"]["code"] for error in anonymous["errors"]}
    assert codes == {"PermissionDenied"}


IN_STOCK_LITERAL = """
query { products(channel: "vn", first: 10, filter: {stockAvailability: IN_STOCK}) {
  edges { node { name } } } }
"""
IN_STOCK_VARIABLES = """
query($filter: ProductFilterInput) { products(channel: "vn", first: 10, filter: $filter) {
  edges { node { name } } } }
"""


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (IN_STOCK_LITERAL, None),
        (IN_STOCK_VARIABLES, {"filter": {"stockAvailability": "IN_STOCK"}}),
    ],
    ids=["literal", "variables"],
)
def test_a_stock_filter_follows_stock_changes(
    api_client, product, response_cache, query, variables
):
    # given: cached while in stock
    assert names(api_client.post_graphql(query, variables)) == ["Nem chua Thanh Hóa"]

    # when: the producer sets the stock to zero (a Stock save, not a catalogue change)
    stock = Stock.objects.get(product_variant__product=product)
    stock.quantity = 0
    stock.save()

    # then
    assert names(api_client.post_graphql(query, variables)) == []
