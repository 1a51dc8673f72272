"""Smaller Saleor read fields: metafields, descriptionJson, weight, mediaById, variant(id|sku),
attribute(slug), availableForPurchase, variant translation, ignored address arguments."""

import json

import pytest
from django.utils import timezone
from graphql_relay import to_global_id

from backend.catalog.models import (
    AssignedProductAttributeValue,
    Attribute,
    AttributeProduct,
    AttributeValue,
    Category,
    ProductVariantTranslation,
)
from backend.content.models import Page
from tests.backend.catalog.factories import make_channel, make_product
from tests.conftest import content


@pytest.fixture
def channel(db):
    return make_channel()


@pytest.fixture
def product(channel):
    product = make_product("Nem chua", channel=channel, prices=(45_000, 90_000))
    product.metadata = {"origin": "Thanh Hóa", "year": 2024}
    product.weight_grams = 500
    product.save()
    return product


PRODUCT = """
query($slug: String!, $mediaId: ID!, $sku: String) {
  product(slug: $slug, channel: "vn") {
    metafield(key: "origin") missing: metafield(key: "nope")
    metafields all: metafields(keys: ["year", "nope"])
    descriptionJson weight { unit value } availableForPurchase availableForPurchaseAt
    mediaById(id: $mediaId) { alt }
    variant(sku: $sku) {
      sku weight { value } translation(languageCode: EN) { name language { code } }
    }
    pricing(address: {country: VN}) { priceRange { start { gross { amount } } } }
    isAvailable(address: {country: VN})
    variants {
      quantityAvailable(countryCode: VN)
      pricing(address: {country: VN}) { price { gross { amount } } }
    }
  }
}
"""


def test_product_read_fields(api_client, product):
    # given
    variant = product.variants.order_by("sku").first()
    variant.weight_grams = 250
    variant.save()
    ProductVariantTranslation.objects.create(
        product_variant=variant, language_code="en", name="Half a kilo"
    )
    media_id = to_global_id("ProductMedia", product.media.get().pk)

    # when
    data = content(
        api_client.post_graphql(
            PRODUCT, {"slug": product.slug, "mediaId": media_id, "sku": variant.sku}
        )
    )["data"]["product"]

    # then
    assert data["metafield"] == "Thanh Hóa"
    assert data["missing"] is None
    assert data["metafields"] == {"origin": "Thanh Hóa", "year": "2024"}
    assert data["all"] == {"year": "2024"}
    assert json.loads(data["descriptionJson"]) == product.description
    assert data["weight"] == {"unit": "G", "value": 500.0}
    assert data["availableForPurchase"] == data["availableForPurchaseAt"][:10]
    assert data["mediaById"] == {"alt": "Nem chua"}
    assert data["variant"] == {
        "sku": variant.sku,
        "weight": {"value": 250.0},
        "translation": {"name": "Half a kilo", "language": {"code": "EN"}},
    }
    assert data["pricing"]["priceRange"]["start"]["gross"] == {"amount": 45000}
    assert data["isAvailable"] is True
    assert [v["quantityAvailable"] for v in data["variants"]] == [10, 10]


def test_media_of_another_product_or_an_unknown_variant_is_null(api_client, product, channel):
    # given
    other = make_product("Mắm", channel=channel)
    foreign_media = to_global_id("ProductMedia", other.media.get().pk)

    # when
    data = content(
        api_client.post_graphql(
            PRODUCT, {"slug": product.slug, "mediaId": foreign_media, "sku": "SKU-KHONG-CO"}
        )
    )["data"]["product"]

    # then
    assert data["mediaById"] is None
    assert data["variant"] is None


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ("", "Argument 'id' or 'sku' must be specified."),
        ('(id: "UHJvZHVjdFZhcmlhbnQ6MQ==", sku: "x")', "Argument 'id' or 'sku' must be specified."),
        ('(id: "UHJvZHVjdDox")', "Invalid ID: UHJvZHVjdDox. Expected: ProductVariant"),
        ('(id: "không-phải-id")', "Couldn't resolve id"),
    ],
)
def test_bad_variant_lookups_are_errors(api_client, product, arguments, message):
    # when
    response = api_client.post_graphql(
        f'{{ product(slug: "{product.slug}", channel: "vn") '
        f"{{ name variant{arguments} {{ sku }} }} }}"
    ).json()

    # then
    assert response["data"]["product"] == {"name": "Nem chua", "variant": None}
    assert message in response["errors"][0]["message"]


def test_variant_by_id_and_media_by_bad_id(api_client, product):
    # given
    variant = product.variants.order_by("sku").last()
    query = (
        'query($slug: String!, $id: ID!, $media: ID!) { product(slug: $slug, channel: "vn") '
        "{ variant(id: $id) { sku } mediaById(id: $media) { alt } } }"
    )

    # when
    response = api_client.post_graphql(
        query,
        {"slug": product.slug, "id": to_global_id("ProductVariant", variant.pk), "media": "xyz"},
    ).json()

    # then
    assert response["data"]["product"] == {"variant": {"sku": variant.sku}, "mediaById": None}
    assert "Couldn't resolve id: xyz." in response["errors"][0]["message"]


def test_deprecated_attribute_by_slug_and_attribute_fields(api_client, product):
    # given
    region = Attribute.objects.create(
        name="Vùng", slug="vung", storefront_search_position=3, input_type="dropdown"
    )
    note = Attribute.objects.create(name="Ghi chú", slug="ghi-chu", input_type="plain-text")
    for attribute in (region, note):
        AttributeProduct.objects.create(attribute=attribute, product_type=product.product_type)
    value = AttributeValue.objects.create(attribute=region, name="Thanh Hóa", slug="thanh-hoa")
    AssignedProductAttributeValue.objects.create(product=product, value=value)
    query = (
        'query($slug: String!) { product(slug: $slug, channel: "vn") { '
        'vung: attribute(slug: "vung") { attribute { slug storefrontSearchPosition withChoices } '
        "values { name } } "
        'note: attribute(slug: "ghi-chu") { attribute { withChoices } values { name } } '
        'none: attribute(slug: "khong-co") { values { name } } } }'
    )

    # when
    data = content(api_client.post_graphql(query, {"slug": product.slug}))["data"]["product"]

    # then
    assert data["vung"] == {
        "attribute": {"slug": "vung", "storefrontSearchPosition": 3, "withChoices": True},
        "values": [{"name": "Thanh Hóa"}],
    }
    assert data["note"] == {"attribute": {"withChoices": False}, "values": []}
    assert data["none"] is None


def test_metafields_and_deprecated_json_on_categories_and_pages(api_client, channel):
    # given
    category = Category.objects.get(slug="thuc-pham")
    category.metadata = {"icon": "rice"}
    category.save()
    Page.objects.create(
        title="Giới thiệu",
        slug="gioi-thieu",
        is_published=True,
        published_at=timezone.now(),
        metadata={"layout": "wide"},
    )
    query = (
        '{ category(slug: "thuc-pham") { metafield(key: "icon") metafields descriptionJson } '
        'page(slug: "gioi-thieu") { metafields(keys: ["layout"]) contentJson publicationDate '
        "publishedAt } "
        'channel(slug: "vn") { metafields } }'
    )

    # when
    data = content(api_client.post_graphql(query))["data"]

    # then
    assert data["category"]["metafield"] == "rice"
    assert data["category"]["metafields"] == {"icon": "rice"}
    assert json.loads(data["category"]["descriptionJson"]) == {}
    assert data["page"]["metafields"] == {"layout": "wide"}
    assert json.loads(data["page"]["contentJson"]) == {}
    assert data["page"]["publicationDate"] == data["page"]["publishedAt"][:10]
    assert data["channel"] == {"metafields": {}}
