"""The new product fields cost a constant number of queries per page (5 or 50 items)."""

import pytest

from backend.catalog.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    Attribute,
    AttributeProduct,
    AttributeValue,
    AttributeVariant,
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    Product,
    ProductType,
    ProductVariant,
)
from tests.backend.catalog.factories import make_channel, make_product
from tests.conftest import counted_post

SHOPPER_PAGE = """
query($first: Int) { products(channel: "vn", first: $first) { edges { node {
  name
  category { slug parent { slug } }
  assignedAttributes { attribute { slug } ... on AssignedSingleChoiceAttribute { value { name } } }
  color: assignedAttribute(slug: "mau") { attribute { slug } }
  attributes { attribute { slug } values { name } }
  collections { slug channel }
  defaultVariant { sku pricing { price { gross { amount } } } assignedAttributes { __typename } }
  variants { sku assignedAttributes { attribute { slug } } }
} } } }
"""
STAFF_PAGE = """
query($first: Int) { products(channel: "vn", first: $first) { edges { node {
  name
  channelListings { isPublished channel { slug } purchaseCost { start { amount } }
                    margin { start stop } }
  variants { sku channelListings { price { amount } costPrice { amount } margin } }
  collections { slug channelListings { isPublished channel { slug } } }
} } } }
"""


@pytest.fixture
def catalogue(db):
    """``build(n)`` makes n products, each with attributes, a collection and a default
    variant; two product types so the pages mix them."""
    channel = make_channel()
    types = [
        ProductType.objects.get_or_create(slug=slug, defaults={"name": slug})[0]
        for slug in ("thuc-pham", "do-uong")
    ]
    region = Attribute.objects.create(name="Vùng", slug="vung")
    color = Attribute.objects.create(name="Màu", slug="mau", input_type="swatch")
    weight = Attribute.objects.create(name="KL", slug="kl", input_type="numeric")
    for product_type in types:
        AttributeProduct.objects.create(attribute=region, product_type=product_type)
        AttributeProduct.objects.create(attribute=color, product_type=product_type)
        AttributeVariant.objects.create(attribute=weight, product_type=product_type)
    collection = Collection.objects.create(name="Nổi bật", slug="noi-bat")
    CollectionChannelListing.objects.create(
        collection=collection, channel=channel, is_published=True
    )

    def build(count):
        for index in range(count):
            product = make_product(f"Sản phẩm {index}", channel=channel, prices=(10_000, 20_000))
            product.product_type = types[index % 2]
            product.default_variant = product.variants.first()
            product.save()
            value = AttributeValue.objects.create(
                attribute=region, name=f"T{index}", slug=f"t{index}"
            )
            AssignedProductAttributeValue.objects.create(product=product, value=value)
            CollectionProduct.objects.create(collection=collection, product=product)
            for variant in product.variants.all():
                grams = AttributeValue.objects.create(
                    attribute=weight, name="500", slug=f"g-{variant.pk}"
                )
                AssignedVariantAttributeValue.objects.create(variant=variant, value=grams)

    return build


def count_queries(client, query, first):
    queries, data = counted_post(client, query, {"first": first})
    edges = data["products"]["edges"]
    assert len(edges) == first
    return queries, edges


@pytest.mark.parametrize("count", [5, 50])
def test_shopper_page_with_the_new_fields(api_client, catalogue, count):
    # given
    catalogue(count)

    # when
    queries, edges = count_queries(api_client, SHOPPER_PAGE, count)

    # then
    assert edges[0]["node"]["collections"] == [{"slug": "noi-bat", "channel": "vn"}]
    assert edges[0]["node"]["defaultVariant"]["assignedAttributes"] == [
        {"__typename": "AssignedNumericAttribute"}
    ]
    # channel, products, then one query per loader: product attributes and values,
    # collections, default variants, variant prices, variants, variant attributes and
    # values (twice: once for the default variants, once for the rest of the variants)
    assert queries == 12


@pytest.mark.parametrize("count", [5, 50])
def test_staff_page_with_channel_listings(staff_api_client, catalogue, count):
    # given
    catalogue(count)

    # when
    queries, edges = count_queries(staff_api_client, STAFF_PAGE, count)

    # then
    node = edges[0]["node"]
    assert node["channelListings"][0]["channel"] == {"slug": "vn"}
    assert node["collections"][0]["channelListings"][0]["channel"] == {"slug": "vn"}
    # channel, products, product listings, variant listings (costs), variants, their
    # listings, collections, collection listings, plus the staff user behind the token
    assert queries == 9


@pytest.mark.parametrize("count", [5, 50])
def test_shopper_page_hides_unpriced_variants_in_the_same_queries(api_client, catalogue, count):
    # given: every product also has a variant without a price in the channel, set as its
    # default variant
    catalogue(count)
    for product in Product.objects.all():
        hidden = ProductVariant.objects.create(product=product, sku=f"HIDDEN-{product.pk}")
        product.default_variant = hidden
        product.save()

    # when
    queries, edges = count_queries(api_client, SHOPPER_PAGE, count)

    # then
    for edge in edges:
        assert edge["node"]["defaultVariant"] is None
        assert not [v for v in edge["node"]["variants"] if v["sku"].startswith("HIDDEN")]
        assert len(edge["node"]["variants"]) == 2
    # as test_shopper_page_with_the_new_fields, less what only shown default variants
    # need: their prices and the first round of variant attributes and values
    assert queries == 9


TYPES_PAGE = """
query($first: Int) { products(channel: "vn", first: $first) { edges { node {
  productType { slug productAttributes { slug } }
} } } }
"""
VARIANT_TYPES_PAGE = """
query($first: Int) { productVariants(channel: "vn", first: $first) { edges { node {
  sku product { productType { slug productAttributes { slug } } }
} } } }
"""


@pytest.fixture
def hidden_attribute(db):
    """An attribute both product types give products, not shown in the storefront."""
    hidden = Attribute.objects.create(name="Nội bộ", slug="noi-bo", visible_in_storefront=False)
    for product_type in ProductType.objects.filter(slug__in=["thuc-pham", "do-uong"]):
        AttributeProduct.objects.create(attribute=hidden, product_type=product_type)
    return hidden


@pytest.mark.parametrize("count", [5, 50])
def test_product_types_attributes_cost_one_query_per_page(
    api_client, catalogue, hidden_attribute, count
):
    # given
    catalogue(count)

    # when
    queries, edges = count_queries(api_client, TYPES_PAGE, count)

    # then: shoppers see only the attributes shown in the storefront
    assert {e["node"]["productType"]["slug"] for e in edges} == {"thuc-pham", "do-uong"}
    assert edges[0]["node"]["productType"]["productAttributes"] == [
        {"slug": "vung"},
        {"slug": "mau"},
    ]
    # channel, products (with their types), the types' attributes
    assert queries == 3


@pytest.mark.parametrize("count", [5, 50])
def test_staff_see_every_product_type_attribute(
    staff_api_client, catalogue, hidden_attribute, count
):
    # given
    catalogue(count)

    # when
    queries, edges = count_queries(staff_api_client, TYPES_PAGE, count)

    # then
    assert edges[0]["node"]["productType"]["productAttributes"] == [
        {"slug": "vung"},
        {"slug": "mau"},
        {"slug": "noi-bo"},
    ]
    # as for shoppers, plus the staff user behind the token
    assert queries == 4


@pytest.mark.parametrize("count", [5, 50])
def test_variant_pages_read_product_types_with_their_products(api_client, catalogue, count):
    # given: two variants per product
    catalogue((count + 1) // 2)

    # when
    queries, data = counted_post(api_client, VARIANT_TYPES_PAGE, {"first": count})

    # then
    edges = data["productVariants"]["edges"]
    assert len(edges) == count
    types = {e["node"]["product"]["productType"]["slug"] for e in edges}
    assert types == {"thuc-pham", "do-uong"}
    # channel, variants (with products and types), the types' attributes
    assert queries == 3
