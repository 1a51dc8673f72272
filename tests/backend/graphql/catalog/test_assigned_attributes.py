"""Saleor's ``assignedAttributes`` / ``assignedAttribute`` on products and variants."""

import pytest

from backend.catalog.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    Attribute,
    AttributeInputType,
    AttributeProduct,
    AttributeValue,
    AttributeVariant,
)
from tests.backend.catalog.factories import make_channel, make_product
from tests.conftest import content

ASSIGNED = """
fragment Assigned on AssignedAttribute {
  __typename
  attribute { slug inputType }
  ... on AssignedSingleChoiceAttribute { choice: value { name slug } }
  ... on AssignedMultiChoiceAttribute { choices: value { name slug } two: value(limit: 2) { slug } }
  ... on AssignedPlainTextAttribute { text: value translation(languageCode: EN) }
  ... on AssignedNumericAttribute { number: value }
  ... on AssignedBooleanAttribute { flag: value }
  ... on AssignedSwatchAttribute { swatch: value { name hexColor file { url } } }
}
"""
PRODUCT = (
    ASSIGNED
    + """
query($slug: String!, $limit: PositiveInt, $attr: String!) {
  product(slug: $slug, channel: "vn") {
    assignedAttributes(limit: $limit) { ...Assigned }
    one: assignedAttribute(slug: $attr) { ...Assigned }
    attributes { attribute { slug } values { slug } }
  }
}
"""
)


@pytest.fixture
def channel(db):
    return make_channel()


def add_attribute(product, slug, input_type, *values, visible=True, variant=None, order=0):
    """An attribute of the product's type (a variant attribute with ``variant``) and the
    object's values for it; each value is a dict of AttributeValue fields."""
    attribute = Attribute.objects.create(
        name=slug, slug=slug, input_type=input_type, visible_in_storefront=visible
    )
    link = AttributeVariant if variant is not None else AttributeProduct
    link.objects.create(attribute=attribute, product_type=product.product_type, sort_order=order)
    for index, fields in enumerate(values):
        value = AttributeValue.objects.create(
            attribute=attribute, slug=f"{slug}-{index}", **{"name": f"v{index}", **fields}
        )
        if variant is not None:
            AssignedVariantAttributeValue.objects.create(variant=variant, value=value)
        else:
            AssignedProductAttributeValue.objects.create(
                product=product, value=value, sort_order=index
            )
    return attribute


@pytest.fixture
def product(channel):
    product = make_product("Trà shan tuyết", channel=channel)
    add_attribute(product, "vung", AttributeInputType.DROPDOWN, {"name": "Hà Giang"}, order=1)
    add_attribute(
        product,
        "huong",
        AttributeInputType.MULTISELECT,
        {"name": "Cốm"},
        {"name": "Mật ong"},
        {"name": "Hoa"},
        order=2,
    )
    add_attribute(
        product, "ghi-chu", AttributeInputType.PLAIN_TEXT, {"plain_text": "Hái tay"}, order=3
    )
    add_attribute(product, "khoi-luong", AttributeInputType.NUMERIC, {"name": "250.5"}, order=4)
    add_attribute(product, "huu-co", AttributeInputType.BOOLEAN, {"boolean": True}, order=5)
    add_attribute(
        product, "mau", AttributeInputType.SWATCH, {"name": "Xanh", "value": "#2e7d32"}, order=6
    )
    add_attribute(product, "trong", AttributeInputType.DROPDOWN, order=7)
    add_attribute(
        product, "noi-bo", AttributeInputType.PLAIN_TEXT, {"plain_text": "lô 7"}, visible=False
    )
    return product


def query(client, product, *, limit=None, attr="huong"):
    variables = {"slug": product.slug, "limit": limit, "attr": attr}
    return client.post_graphql(PRODUCT, variables)


def test_each_input_type_maps_to_its_saleor_type(api_client, product):
    # when
    data = content(query(api_client, product))["data"]["product"]

    # then: the product type's attributes in its order, the hidden one left out
    assigned = data["assignedAttributes"]
    assert [item["__typename"] for item in assigned] == [
        "AssignedSingleChoiceAttribute",
        "AssignedMultiChoiceAttribute",
        "AssignedPlainTextAttribute",
        "AssignedNumericAttribute",
        "AssignedBooleanAttribute",
        "AssignedSwatchAttribute",
        "AssignedSingleChoiceAttribute",
    ]
    assert assigned[0]["choice"] == {"name": "Hà Giang", "slug": "vung-0"}
    assert [v["name"] for v in assigned[1]["choices"]] == ["Cốm", "Mật ong", "Hoa"]
    assert assigned[1]["two"] == [{"slug": "huong-0"}, {"slug": "huong-1"}]
    assert assigned[2]["text"] == "Hái tay"
    assert assigned[2]["translation"] is None
    assert assigned[3]["number"] == 250.5
    assert assigned[4]["flag"] is True
    assert assigned[5]["swatch"] == {"name": "Xanh", "hexColor": "#2e7d32", "file": None}
    # an attribute of the type without a value is still listed, with no value
    assert assigned[6] == {
        "__typename": "AssignedSingleChoiceAttribute",
        "attribute": {"slug": "trong", "inputType": "DROPDOWN"},
        "choice": None,
    }
    assert data["one"]["attribute"]["slug"] == "huong"


def test_limit_cuts_the_list(api_client, product):
    # when
    data = content(query(api_client, product, limit=2))["data"]["product"]

    # then
    assert [item["attribute"]["slug"] for item in data["assignedAttributes"]] == ["vung", "huong"]


def test_attributes_hidden_from_the_storefront_are_staff_only(
    api_client, staff_api_client, product
):
    # when
    shopper = content(query(api_client, product, attr="noi-bo"))["data"]["product"]
    staff = content(query(staff_api_client, product, attr="noi-bo"))["data"]["product"]

    # then: neither the new fields nor the deprecated `attributes` show it to shoppers
    assert "noi-bo" not in {item["attribute"]["slug"] for item in shopper["assignedAttributes"]}
    assert shopper["one"] is None
    assert "noi-bo" not in {item["attribute"]["slug"] for item in shopper["attributes"]}
    assert staff["assignedAttributes"][0]["attribute"]["slug"] == "noi-bo"
    assert staff["one"]["text"] == "lô 7"
    assert {"attribute": {"slug": "noi-bo"}, "values": [{"slug": "noi-bo-0"}]} in staff[
        "attributes"
    ]


def test_unknown_slug_or_an_attribute_of_another_type_is_null(api_client, product, channel):
    # given: an attribute with a value on this product but not part of its product type
    stray = Attribute.objects.create(name="Lạc", slug="lac")
    value = AttributeValue.objects.create(attribute=stray, name="x", slug="x")
    AssignedProductAttributeValue.objects.create(product=product, value=value)

    # when
    unknown = content(query(api_client, product, attr="khong-co"))["data"]["product"]
    other = content(query(api_client, product, attr="lac"))["data"]["product"]

    # then
    assert unknown["one"] is None
    assert other["one"] is None
    assert "lac" not in {item["attribute"]["slug"] for item in other["assignedAttributes"]}


def test_numeric_value_that_is_not_a_number_is_null(api_client, channel):
    # given
    product = make_product("Mật ong", channel=channel)
    add_attribute(product, "do-am", AttributeInputType.NUMERIC, {"name": "không rõ"})
    add_attribute(product, "vo-cuc", AttributeInputType.NUMERIC, {"name": "inf"}, order=1)

    # when
    data = content(query(api_client, product, attr="do-am"))["data"]["product"]

    # then
    assert [item["number"] for item in data["assignedAttributes"]] == [None, None]


@pytest.mark.parametrize(
    ("limit", "message"),
    [
        (0, "PositiveInt cannot represent 0"),
        (-3, "PositiveInt cannot represent -3"),
        ("2", "PositiveInt cannot represent '2'"),
        (True, "PositiveInt cannot represent True"),
    ],
)
def test_limit_must_be_a_positive_integer(api_client, product, limit, message):
    # when
    response = query(api_client, product, limit=limit).json()

    # then
    assert response.get("data") is None
    assert message in response["errors"][0]["message"]


@pytest.mark.parametrize("literal", ["0", "-1", "1.5", '"3"'])
def test_limit_literal_must_be_a_positive_integer(api_client, product, literal):
    # when
    response = api_client.post_graphql(
        f'{{ product(slug: "{product.slug}", channel: "vn") '
        f"{{ assignedAttributes(limit: {literal}) {{ __typename }} }} }}"
    ).json()

    # then
    assert response.get("data") is None
    assert "PositiveInt" in response["errors"][0]["message"]


VARIANT = (
    ASSIGNED
    + """
query($sku: String!) {
  productVariant(sku: $sku, channel: "vn") {
    assignedAttributes { ...Assigned }
    one: assignedAttribute(slug: "trong-luong") { ...Assigned }
    attributes { attribute { slug } values { name } }
  }
}
"""
)


def test_variant_assigned_attributes(api_client, staff_api_client, channel):
    # given
    product = make_product("Gạo ST25", channel=channel)
    variant = product.variants.order_by("sku").first()
    add_attribute(
        product, "trong-luong", AttributeInputType.NUMERIC, {"name": "5"}, variant=variant
    )
    add_attribute(
        product,
        "ma-lo",
        AttributeInputType.PLAIN_TEXT,
        {"plain_text": "L1"},
        variant=variant,
        visible=False,
        order=1,
    )

    # when
    shopper = content(api_client.post_graphql(VARIANT, {"sku": variant.sku}))["data"]
    staff = content(staff_api_client.post_graphql(VARIANT, {"sku": variant.sku}))["data"]

    # then
    assert shopper["productVariant"]["assignedAttributes"] == [
        {
            "__typename": "AssignedNumericAttribute",
            "attribute": {"slug": "trong-luong", "inputType": "NUMERIC"},
            "number": 5.0,
        }
    ]
    assert shopper["productVariant"]["one"]["number"] == 5.0
    assert shopper["productVariant"]["attributes"] == [
        {"attribute": {"slug": "trong-luong"}, "values": [{"name": "5"}]}
    ]
    assert [a["attribute"]["slug"] for a in staff["productVariant"]["assignedAttributes"]] == [
        "trong-luong",
        "ma-lo",
    ]
