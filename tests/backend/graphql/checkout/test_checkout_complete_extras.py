"""checkoutComplete: metadata passed to it ends on the order (with the checkout's own)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from graphql_relay import to_global_id

from backend.checkout.models import Checkout
from backend.discounts.models import Voucher
from backend.inventory.models import Stock
from backend.orders.models import Order
from backend.shipping.models import DeliveryMethod
from tests.backend.checkout.factories import (
    HANOI_INPUT,
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
    ready_checkout,
)
from tests.conftest import content

COMPLETE = """
mutation Complete($id: ID!, $metadata: [MetadataInput!]) {
  checkoutComplete(id: $id, metadata: $metadata) {
    order { metadata { key value } }
    errors { field code }
  }
}
"""
ANONYMOUS = AnonymousUser()


@pytest.fixture
def guest_checkout(db):
    channel = make_channel()
    producer = make_producer()
    variant = make_variant(channel, producer=producer)
    make_shipping(producer)
    checkout = ready_checkout(ANONYMOUS, channel, [variant])
    Checkout.objects.filter(pk=checkout.pk).update(metadata={"source": "zalo", "ref": "old"})
    return checkout


def test_complete_metadata_ends_on_the_order(api_client, guest_checkout):
    # given
    variables = {
        "id": to_global_id("Checkout", guest_checkout.pk),
        "metadata": [{"key": "ref", "value": "new"}, {"key": "gift", "value": "có"}],
    }

    # when
    result = content(api_client.post_graphql(COMPLETE, variables))["data"]["checkoutComplete"]

    # then
    assert result["errors"] == []
    assert result["order"]["metadata"] == [
        {"key": "gift", "value": "có"},
        {"key": "ref", "value": "new"},
        {"key": "source", "value": "zalo"},
    ]
    assert Order.objects.get().metadata == {"source": "zalo", "ref": "new", "gift": "có"}


def test_complete_with_an_empty_metadata_key_is_refused_and_writes_nothing(
    api_client, guest_checkout
):
    # given
    variables = {
        "id": to_global_id("Checkout", guest_checkout.pk),
        "metadata": [{"key": " ", "value": "x"}],
    }

    # when
    result = content(api_client.post_graphql(COMPLETE, variables))["data"]["checkoutComplete"]

    # then
    assert result["order"] is None
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("metadata", "REQUIRED")]
    assert Order.objects.count() == 0
    assert Checkout.objects.filter(pk=guest_checkout.pk).exists()
    assert Stock.objects.get().quantity_allocated == 0


SHIPPING = """
mutation Shipping($id: ID!, $address: AddressInput!, $save: Boolean) {
  checkoutShippingAddressUpdate(id: $id, shippingAddress: $address, saveAddress: $save) {
    errors { field code }
  }
}
"""
BILLING_OMITTED = """
mutation Billing($id: ID!, $address: AddressInput!) {
  checkoutBillingAddressUpdate(id: $id, billingAddress: $address) { errors { field code } }
}
"""
DELIVERY = """
mutation Delivery($id: ID!, $method: ID) {
  checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $method) { errors { code } }
}
"""
CREATE = """
mutation Create($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) { checkout { id } errors { field code } }
}
"""


@pytest.fixture
def shopper_cart(db):
    channel = make_channel()
    producer = make_producer()
    variant = make_variant(channel, producer=producer)
    make_shipping(producer)
    return variant


def create(client, variant, *, save_shipping):
    lines = [{"variantId": to_global_id("ProductVariant", variant.pk), "quantity": 1}]
    variables = {
        "input": {
            "channel": "vn",
            "lines": lines,
            "shippingAddress": HANOI_INPUT,
            "saveShippingAddress": save_shipping,
        }
    }
    return content(client.post_graphql(CREATE, variables))["data"]["checkoutCreate"]


def test_save_address_flags_decide_what_reaches_the_address_book(
    user, user_api_client, shopper_cart
):
    # given
    created = create(user_api_client, shopper_cart, save_shipping=True)
    checkout_id = created["checkout"]["id"]
    billing = {**HANOI_INPUT, "streetAddress1": "1 Tràng Tiền"}

    # when
    shipping = content(
        user_api_client.post_graphql(
            SHIPPING, {"id": checkout_id, "address": HANOI_INPUT, "save": False}
        )
    )["data"]["checkoutShippingAddressUpdate"]
    billed = content(
        user_api_client.post_graphql(BILLING_OMITTED, {"id": checkout_id, "address": billing})
    )["data"]["checkoutBillingAddressUpdate"]
    checkout = Checkout.objects.get()
    flags = (checkout.save_shipping_address, checkout.save_billing_address)
    method = DeliveryMethod.objects.get(producer=shopper_cart.product.producer)
    delivery = content(
        user_api_client.post_graphql(
            DELIVERY, {"id": checkout_id, "method": to_global_id("ShippingMethod", method.pk)}
        )
    )["data"]["checkoutDeliveryMethodUpdate"]
    order = content(user_api_client.post_graphql(COMPLETE, {"id": checkout_id}))["data"][
        "checkoutComplete"
    ]

    # then
    assert shipping["errors"] == billed["errors"] == []
    assert delivery["errors"] == []
    assert order["errors"] == []
    assert flags == (False, True)  # saveAddress false kept; omitted means true (Saleor)
    assert list(user.addresses.values_list("street_address_1", flat=True)) == ["1 Tràng Tiền"]


def test_checkout_create_save_shipping_address_false_is_stored(user_api_client, shopper_cart):
    # given
    client = user_api_client

    # when
    create(client, shopper_cart, save_shipping=False)

    # then
    checkout = Checkout.objects.get()
    assert (checkout.save_shipping_address, checkout.save_billing_address) == (False, True)


PROMO = """
mutation Promo($id: ID!, $code: String!) {
  checkoutAddPromoCode(id: $id, promoCode: $code) {
    checkout { discount { amount } deliveryGroups { discount { amount } } }
    errors { field code }
  }
}
"""
COMPLETE_WITH_SHARES = """
mutation Complete($id: ID!) {
  checkoutComplete(id: $id) {
    order { discount { amount } fulfillments { subtotal { amount } discount { amount } } }
    errors { field code }
  }
}
"""


def test_each_producers_voucher_share_is_shown_on_checkout_and_order(api_client, db):
    # given two producers with 100,000 and 200,000 in the cart and a 10,000 voucher
    channel = make_channel()
    producers = [make_producer("HTX A"), make_producer("HTX B")]
    variants = [
        make_variant(channel, producer=producer, price=price)
        for producer, price in zip(producers, (100_000, 200_000), strict=True)
    ]
    for producer in producers:
        make_shipping(producer)
    checkout = ready_checkout(ANONYMOUS, channel, variants)
    Voucher.objects.create(code="TET", value=10_000)
    checkout_id = to_global_id("Checkout", checkout.pk)

    # when
    promo = content(api_client.post_graphql(PROMO, {"id": checkout_id, "code": "TET"}))["data"][
        "checkoutAddPromoCode"
    ]
    completed = content(api_client.post_graphql(COMPLETE_WITH_SHARES, {"id": checkout_id}))["data"][
        "checkoutComplete"
    ]

    # then
    assert promo["errors"] == completed["errors"] == []
    assert promo["checkout"]["discount"]["amount"] == 10_000
    assert [g["discount"]["amount"] for g in promo["checkout"]["deliveryGroups"]] == [
        3_333,
        6_667,
    ]
    assert sorted(
        (f["subtotal"]["amount"], f["discount"]["amount"])
        for f in completed["order"]["fulfillments"]
    ) == [(100_000, 3_333), (200_000, 6_667)]
