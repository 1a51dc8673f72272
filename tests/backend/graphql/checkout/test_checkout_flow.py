from __future__ import annotations

import json

import pytest
from graphql_relay import to_global_id

from backend.checkout.models import Checkout, CheckoutLine
from backend.orders.models import Order
from tests.backend.checkout.factories import (
    HANOI_INPUT,
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
)
from tests.conftest import content

CREATE = """
mutation Create($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) {
    checkout { id token totalPrice { gross { amount } } lines { id quantity variant { sku } } }
    errors { field code message variants addressType }
  }
}
"""
DELIVERY = """
mutation Delivery($id: ID!, $method: ID) {
  checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $method) {
    checkout {
      shippingPrice { gross { amount } }
      totalPrice { gross { amount } }
      deliveryGroups { producer { name } shippingMethods { id price { amount } } delivery { id } }
    }
    errors { field code }
  }
}
"""
COMPLETE = """
mutation Complete($id: ID!, $paymentData: JSONString) {
  checkoutComplete(id: $id, paymentData: $paymentData) {
    order {
      id number status paymentMethod total { gross { amount } }
      fulfillments { producer { name } shippingPrice { amount } lines { quantity } }
    }
    errors { field code variants }
  }
}
"""
CHECKOUT = """
query Checkout($id: ID) { checkout(id: $id) { id email } }
"""


def address():
    return dict(HANOI_INPUT)


@pytest.fixture
def two_producer_cart(db):
    channel = make_channel()
    producers = [make_producer("HTX Một"), make_producer("HTX Hai")]
    variants = [make_variant(channel, producer=p, price=100_000, stock=3) for p in producers]
    methods = [make_shipping(producers[0], price=30_000), make_shipping(producers[1], price=20_000)]
    return variants, methods


def create(client, variants, quantity=1, **extra):
    lines = [
        {"variantId": to_global_id("ProductVariant", v.pk), "quantity": quantity} for v in variants
    ]
    variables = {"input": {"channel": "vn", "lines": lines, "email": "khach@example.com", **extra}}
    return content(client.post_graphql(CREATE, variables))["data"]["checkoutCreate"]


def test_guest_flow_create_delivery_complete(api_client, two_producer_cart):
    # given
    variants, methods = two_producer_cart
    created = create(api_client, variants, shippingAddress=address())
    checkout_id = created["checkout"]["id"]

    # when
    delivery = content(
        api_client.post_graphql(
            DELIVERY, {"id": checkout_id, "method": to_global_id("ShippingMethod", methods[0].pk)}
        )
    )["data"]["checkoutDeliveryMethodUpdate"]
    completed = content(
        api_client.post_graphql(
            COMPLETE, {"id": checkout_id, "paymentData": json.dumps({"gateway": "cod"})}
        )
    )["data"]["checkoutComplete"]
    again = content(api_client.post_graphql(COMPLETE, {"id": checkout_id}))["data"][
        "checkoutComplete"
    ]

    # then
    assert created["errors"] == []
    assert delivery["errors"] == []
    assert delivery["checkout"]["shippingPrice"]["gross"]["amount"] == 50_000  # default for group 2
    assert delivery["checkout"]["totalPrice"]["gross"]["amount"] == 250_000
    order = completed["order"]
    assert completed["errors"] == []
    assert (order["status"], order["paymentMethod"]) == ("UNFULFILLED", "cod")
    assert sorted(f["shippingPrice"]["amount"] for f in order["fulfillments"]) == [20_000, 30_000]
    assert again["order"]["id"] == order["id"]
    assert Order.objects.count() == 1


@pytest.mark.parametrize(
    ("quantity", "code"),
    [
        (0, "ZERO_QUANTITY"),
        (-1, "ZERO_QUANTITY"),
        (100_000, "QUANTITY_GREATER_THAN_LIMIT"),
        (4, "INSUFFICIENT_STOCK"),
    ],
)
def test_bad_quantities_give_saleor_codes_and_write_nothing(
    api_client, two_producer_cart, quantity, code
):
    # given
    variants, _ = two_producer_cart

    # when
    result = create(api_client, variants[:1], quantity=quantity)

    # then
    assert result["checkout"] is None
    assert [e["code"] for e in result["errors"]] == [code]
    assert (Checkout.objects.count(), CheckoutLine.objects.count()) == (0, 0)


def test_address_outside_the_unit_list(api_client, two_producer_cart):
    # given
    variants, _ = two_producer_cart

    # when
    result = create(api_client, variants, shippingAddress={**address(), "city": "Phường Không Có"})

    # then
    assert [(e["field"], e["code"], e["addressType"]) for e in result["errors"]] == [
        ("city", "INVALID", "SHIPPING")
    ]
    assert Checkout.objects.count() == 0


def test_signed_in_shoppers_checkout_is_invisible_to_others(
    user_api_client, api_client, staff_api_client, two_producer_cart
):
    # given
    variants, _ = two_producer_cart
    checkout_id = create(user_api_client, variants)["checkout"]["id"]

    # when
    own = content(user_api_client.post_graphql(CHECKOUT, {"id": checkout_id}))["data"]["checkout"]
    guest = content(api_client.post_graphql(CHECKOUT, {"id": checkout_id}))["data"]["checkout"]
    staff = content(staff_api_client.post_graphql(CHECKOUT, {"id": checkout_id}))["data"][
        "checkout"
    ]
    hijack = content(api_client.post_graphql(COMPLETE, {"id": checkout_id}))["data"][
        "checkoutComplete"
    ]

    # then
    assert own["id"] == checkout_id
    assert (guest, staff) == (None, None)
    assert [e["code"] for e in hijack["errors"]] == ["NOT_FOUND"]
    assert Order.objects.count() == 0


def test_variant_from_another_channel_is_refused(api_client, db):
    # given
    make_channel()
    other = make_channel("si")
    variant = make_variant(other)

    # when
    result = create(api_client, [variant])

    # then
    assert [e["code"] for e in result["errors"]] == ["PRODUCT_NOT_PUBLISHED"]
    assert result["errors"][0]["variants"] == [to_global_id("ProductVariant", variant.pk)]
    assert Checkout.objects.count() == 0
