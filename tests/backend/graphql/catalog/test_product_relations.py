"""Product.collections, Product.defaultVariant and the staff-only channel listings."""

from datetime import timedelta

import pytest
from django.utils import timezone

from backend.catalog.models import (
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    ProductVariantChannelListing,
)
from producers.models import Producer, ProducerStatus
from tests.backend.catalog.factories import make_channel, make_product
from tests.conftest import client_for, content


@pytest.fixture
def channel(db):
    return make_channel()


def in_collection(product, slug, *listings):
    """A collection holding ``product``; each listing is (channel, is_published, published_at)."""
    collection = Collection.objects.create(name=slug, slug=slug)
    CollectionProduct.objects.create(collection=collection, product=product)
    for channel, is_published, published_at in listings:
        CollectionChannelListing.objects.create(
            collection=collection,
            channel=channel,
            is_published=is_published,
            published_at=published_at,
        )
    return collection


COLLECTIONS = """
query($slug: String!) {
  product(slug: $slug, channel: "vn") {
    collections { slug channel products(first: 5) { edges { node { slug } } } }
  }
}
"""


def test_collections_shoppers_see_only_those_published_in_the_channel(
    api_client, user_api_client, staff_api_client, channel
):
    # given
    product = make_product("Chè Thái", channel=channel)
    other = make_channel("b2b")
    past, future = timezone.now() - timedelta(days=1), timezone.now() + timedelta(days=1)
    in_collection(product, "a-noi-bat", (channel, True, past))
    in_collection(product, "b-khong-ngay", (channel, True, None))
    in_collection(product, "c-nhap", (channel, False, past))
    in_collection(product, "d-sap-toi", (channel, True, future))
    in_collection(product, "e-kenh-khac", (other, True, past))
    in_collection(product, "f-khong-kenh")

    # when
    anonymous = content(api_client.post_graphql(COLLECTIONS, {"slug": product.slug}))
    shopper = content(user_api_client.post_graphql(COLLECTIONS, {"slug": product.slug}))
    staff = content(staff_api_client.post_graphql(COLLECTIONS, {"slug": product.slug}))

    # then
    shown = anonymous["data"]["product"]["collections"]
    assert [c["slug"] for c in shown] == ["a-noi-bat", "b-khong-ngay"]
    assert shown[0]["channel"] == "vn"
    assert shown[0]["products"]["edges"] == [{"node": {"slug": product.slug}}]
    assert shopper["data"] == anonymous["data"]
    assert [c["slug"] for c in staff["data"]["product"]["collections"]] == [
        "a-noi-bat",
        "b-khong-ngay",
        "c-nhap",
        "d-sap-toi",
        "e-kenh-khac",
        "f-khong-kenh",
    ]


DEFAULT_VARIANT = """
query($slug: String!) {
  product(slug: $slug, channel: "vn") {
    defaultVariant { sku channel product { slug } pricing { price { gross { amount } } } }
  }
}
"""


def test_default_variant_in_the_products_channel(api_client, channel):
    # given
    product = make_product("Mắm tép", channel=channel, prices=(30_000, 55_000))
    second = product.variants.order_by("sku").last()
    product.default_variant = second
    product.save()
    bare = make_product("Nước mắm", channel=channel)

    # when
    data = content(api_client.post_graphql(DEFAULT_VARIANT, {"slug": product.slug}))["data"]
    none = content(api_client.post_graphql(DEFAULT_VARIANT, {"slug": bare.slug}))["data"]

    # then
    assert data["product"]["defaultVariant"] == {
        "sku": second.sku,
        "channel": "vn",
        "product": {"slug": product.slug},
        "pricing": {"price": {"gross": {"amount": 55000}}},
    }
    assert none["product"]["defaultVariant"] is None


LISTINGS = """
query($slug: String!) {
  product(slug: $slug, channel: "vn") {
    name
    channelListings {
      isPublished visibleInListings isAvailableForPurchase publishedAt publicationDate
      availableForPurchaseAt availableForPurchase
      channel { slug currencyCode }
      discountedPrice { amount currency }
      purchaseCost { start { amount } stop { amount } }
      margin { start stop }
    }
    variants {
      sku
      channelListings { channel { slug } price { amount } costPrice { amount } margin }
    }
  }
}
"""


@pytest.fixture
def priced(channel):
    product = make_product("Nem chua", channel=channel, prices=(40_000, 100_000))
    cheap, dear = product.variants.order_by("sku")
    ProductVariantChannelListing.objects.filter(variant=cheap).update(cost_price_amount=30_000)
    ProductVariantChannelListing.objects.filter(variant=dear).update(cost_price_amount=45_000)
    return product


def test_staff_read_channel_listings_with_costs_and_margins(staff_api_client, priced):
    # when
    data = content(staff_api_client.post_graphql(LISTINGS, {"slug": priced.slug}))["data"]

    # then
    listing = data["product"]["channelListings"][0]
    assert listing["isPublished"] is True
    assert listing["visibleInListings"] is True
    assert listing["isAvailableForPurchase"] is True
    assert listing["channel"] == {"slug": "vn", "currencyCode": "VND"}
    assert listing["discountedPrice"] == {"amount": 40000, "currency": "VND"}
    assert listing["purchaseCost"] == {"start": {"amount": 30000}, "stop": {"amount": 45000}}
    # (40000-30000)/40000 = 25 %, (100000-45000)/100000 = 55 %
    assert listing["margin"] == {"start": 25, "stop": 55}
    assert listing["publicationDate"] == listing["publishedAt"][:10]
    variants = data["product"]["variants"]
    assert variants[0]["channelListings"] == [
        {
            "channel": {"slug": "vn"},
            "price": {"amount": 40000},
            "costPrice": {"amount": 30000},
            "margin": 25,
        }
    ]


def test_listing_without_costs_has_zero_costs_and_no_variant_margin(staff_api_client, channel):
    # given
    product = make_product("Bánh cáy", channel=channel, prices=(20_000,))

    # when
    data = content(staff_api_client.post_graphql(LISTINGS, {"slug": product.slug}))["data"]

    # then
    listing = data["product"]["channelListings"][0]
    assert listing["purchaseCost"] == {"start": {"amount": 0}, "stop": {"amount": 0}}
    assert listing["margin"] == {"start": 0, "stop": 0}
    assert data["product"]["variants"][0]["channelListings"][0]["margin"] is None


@pytest.mark.parametrize("actor", ["anonymous", "shopper", "member_a", "official"])
def test_channel_listings_are_staff_only(actors, producer_a, channel, actor):
    # given: member_a is a member of the product's producer, and still no staff
    Producer.objects.unscoped().filter(pk=producer_a.pk).update(status=ProducerStatus.APPROVED)
    product = make_product("Nem", channel=channel, producer=producer_a)
    client = client_for(actors[actor])

    # when
    response = client.post_graphql(LISTINGS, {"slug": product.slug}).json()

    # then: the rest of the product is served, each listings field is a permission error
    assert response["data"]["product"]["name"] == "Nem"
    assert response["data"]["product"]["channelListings"] is None
    assert all(v["channelListings"] is None for v in response["data"]["product"]["variants"])
    codes = {error["extensions"]["exception"]["code"] for error in response["errors"]}
    assert codes == {"PermissionDenied"}
    assert {tuple(error["path"][-1:]) for error in response["errors"]} == {("channelListings",)}


COLLECTION_LISTINGS = """
query { collection(slug: "noi-bat", channel: "vn") {
  slug channelListings { isPublished publishedAt publicationDate channel { slug } } } }
"""


def test_collection_channel_listings_are_staff_only(api_client, staff_api_client, channel):
    # given
    product = make_product("Chè", channel=channel)
    in_collection(product, "noi-bat", (channel, True, timezone.now() - timedelta(days=2)))

    # when
    staff = content(staff_api_client.post_graphql(COLLECTION_LISTINGS))["data"]
    anonymous = api_client.post_graphql(COLLECTION_LISTINGS).json()

    # then
    listing = staff["collection"]["channelListings"][0]
    assert listing["isPublished"] is True
    assert listing["channel"] == {"slug": "vn"}
    assert listing["publicationDate"] == listing["publishedAt"][:10]
    assert anonymous["data"]["collection"] == {"slug": "noi-bat", "channelListings": None}
    assert anonymous["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
