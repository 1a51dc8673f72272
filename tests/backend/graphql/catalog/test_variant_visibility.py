"""Variants without a price (channel listing) in the channel are hidden from shoppers on
every read path; staff see them all (issue #3)."""

import json

import pytest
from graphql_relay import to_global_id

from backend.catalog.models import ProductVariant, ProductVariantChannelListing
from tests.backend.catalog.factories import make_channel, make_product
from tests.conftest import content

PRODUCT = """
query($slug: String!, $hiddenId: ID!) { product(slug: $slug, channel: "vn") {
  variants { sku }
  productVariants(first: 10) { totalCount edges { node { sku } } }
  byId: variant(id: $hiddenId) { sku }
  bySku: variant(sku: "HIDDEN") { sku }
  listedBySku: variant(sku: "LISTED") { sku }
  defaultVariant { sku }
  pricing { priceRange { start { gross { amount } } stop { gross { amount } } } }
  isAvailable
} }
"""
TOP_LEVEL = """
query($hiddenId: ID!) {
  byId: productVariant(id: $hiddenId, channel: "vn") { sku }
  bySku: productVariant(sku: "HIDDEN", channel: "vn") { sku }
  listed: productVariant(sku: "LISTED", channel: "vn") { sku }
  productVariants(channel: "vn", first: 10) { totalCount edges { node { sku } } }
  filtered: productVariants(channel: "vn", first: 10, filter: {sku: ["HIDDEN"]}) {
    totalCount }
}
"""


@pytest.fixture
def product(db):
    """A product in "vn" with one variant priced there (LISTED) and its default variant
    priced only in another channel (HIDDEN, dearer than LISTED)."""
    channel = make_channel()
    other = make_channel("b2b")
    product = make_product("Nem chua", channel=channel, prices=(45_000,))
    ProductVariant.objects.filter(product=product).update(sku="LISTED")
    hidden = ProductVariant.objects.create(product=product, sku="HIDDEN", name="Hộp 5 kg")
    ProductVariantChannelListing.objects.create(variant=hidden, channel=other, price_amount=900_000)
    product.default_variant = hidden
    product.save()
    return product


def hidden_id(product):
    return to_global_id("ProductVariant", product.variants.get(sku="HIDDEN").pk)


def read_product(client, product):
    variables = {"slug": product.slug, "hiddenId": hidden_id(product)}
    return content(client.post_graphql(PRODUCT, variables))["data"]["product"]


@pytest.mark.parametrize("reader", ["api_client", "user_api_client"])
def test_shoppers_do_not_see_a_variant_without_a_price_in_the_channel(request, product, reader):
    # given
    client = request.getfixturevalue(reader)

    # when
    data = read_product(client, product)

    # then
    assert data["variants"] == [{"sku": "LISTED"}]
    assert data["productVariants"] == {"totalCount": 1, "edges": [{"node": {"sku": "LISTED"}}]}
    assert data["byId"] is None
    assert data["bySku"] is None
    assert data["listedBySku"] == {"sku": "LISTED"}
    assert data["defaultVariant"] is None
    # the price in the other channel plays no part in this channel's range
    assert data["pricing"]["priceRange"] == {
        "start": {"gross": {"amount": 45_000}},
        "stop": {"gross": {"amount": 45_000}},
    }
    assert data["isAvailable"] is True


def test_staff_see_every_variant_of_the_product(staff_api_client, product):
    # when
    data = read_product(staff_api_client, product)

    # then
    assert data["variants"] == [{"sku": "HIDDEN"}, {"sku": "LISTED"}]
    assert data["productVariants"]["totalCount"] == 2
    assert data["byId"] == {"sku": "HIDDEN"}
    assert data["bySku"] == {"sku": "HIDDEN"}
    assert data["defaultVariant"] == {"sku": "HIDDEN"}
    # prices stay those of the channel read
    assert data["pricing"]["priceRange"]["stop"] == {"gross": {"amount": 45_000}}


@pytest.mark.parametrize("reader", ["api_client", "user_api_client"])
def test_shoppers_cannot_look_up_an_unpriced_variant_at_the_top_level(request, product, reader):
    # given
    client = request.getfixturevalue(reader)

    # when
    data = content(client.post_graphql(TOP_LEVEL, {"hiddenId": hidden_id(product)}))["data"]

    # then
    assert data["byId"] is None
    assert data["bySku"] is None
    assert data["listed"] == {"sku": "LISTED"}
    assert data["productVariants"] == {
        "totalCount": 1,
        "edges": [{"node": {"sku": "LISTED"}}],
    }
    assert data["filtered"] == {"totalCount": 0}


def test_staff_look_up_any_variant_at_the_top_level(staff_api_client, product):
    # when
    response = staff_api_client.post_graphql(TOP_LEVEL, {"hiddenId": hidden_id(product)})

    # then
    data = content(response)["data"]
    assert data["byId"] == {"sku": "HIDDEN"}
    assert data["bySku"] == {"sku": "HIDDEN"}
    assert data["productVariants"]["totalCount"] == 2
    assert data["filtered"] == {"totalCount": 1}


def test_a_shopper_sees_the_default_variant_once_it_is_priced(api_client, product):
    # given
    hidden = product.variants.get(sku="HIDDEN")
    ProductVariantChannelListing.objects.create(
        variant=hidden, channel=make_channel(), price_amount=300_000
    )

    # when
    data = read_product(api_client, product)

    # then
    assert data["defaultVariant"] == {"sku": "HIDDEN"}
    assert data["variants"] == [{"sku": "HIDDEN"}, {"sku": "LISTED"}]
    assert data["pricing"]["priceRange"]["stop"] == {"gross": {"amount": 300_000}}


def test_the_anonymous_response_cache_does_not_mix_staff_and_shopper_views(
    api_client, staff_api_client, product, response_cache
):
    # given: an anonymous read is cached, then staff read the same query
    variables = {"slug": product.slug, "hiddenId": hidden_id(product)}
    anonymous = api_client.post_graphql(PRODUCT, variables)
    staff = staff_api_client.post_graphql(PRODUCT, variables)

    # when
    again = api_client.post_graphql(PRODUCT, variables)

    # then
    assert content(staff)["data"]["product"]["defaultVariant"] == {"sku": "HIDDEN"}
    assert again.content == anonymous.content
    assert json.loads(again.content)["data"]["product"]["defaultVariant"] is None
