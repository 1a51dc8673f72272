"""Checkout.availablePaymentGateways: COD's maximum is checked against goods plus delivery."""

from __future__ import annotations

import json

from graphql_relay import to_global_id

from backend.checkout.models import Checkout
from backend.orders.models import Order
from tests.backend.graphql.checkout.test_checkout_flow import (
    COMPLETE,
    DELIVERY,
    address,
    create,
    two_producer_cart,  # noqa: F401
)
from tests.backend.payments.fixtures import payment_settings  # noqa: F401
from tests.conftest import content

GATEWAYS = """
query Gateways($id: ID) {
  checkout(id: $id) {
    totalPrice { gross { amount } }
    availablePaymentGateways { id name currencies config { field value } }
  }
}
"""


def ready(client, cart):
    variants, methods = cart
    checkout_id = create(client, variants, shippingAddress=address())["checkout"]["id"]
    method = to_global_id("ShippingMethod", methods[0].pk)
    content(client.post_graphql(DELIVERY, {"id": checkout_id, "method": method}))
    return checkout_id


def gateway_ids(client, checkout_id):
    data = content(client.post_graphql(GATEWAYS, {"id": checkout_id}))["data"]["checkout"]
    return data["totalPrice"]["gross"]["amount"], [
        g["id"] for g in data["availablePaymentGateways"]
    ]


def test_cod_is_offered_when_goods_plus_delivery_fit_the_maximum(
    api_client,
    two_producer_cart,  # noqa: F811
    payment_settings,  # noqa: F811
):
    # given goods 200 000 + delivery 50 000
    payment_settings.COD_MAX_ORDER_AMOUNT = 250_000
    checkout_id = ready(api_client, two_producer_cart)

    # when
    total, ids = gateway_ids(api_client, checkout_id)
    completed = content(
        api_client.post_graphql(
            COMPLETE, {"id": checkout_id, "paymentData": json.dumps({"gateway": ids[0]})}
        )
    )["data"]["checkoutComplete"]

    # then
    assert total == 250_000
    assert ids == ["ocop.payments.cod", "ocop.payments.vietqr"]
    assert completed["errors"] == []
    assert completed["order"]["paymentMethod"] == "cod"


def test_cod_is_not_offered_nor_accepted_when_delivery_takes_the_total_over(
    api_client,
    two_producer_cart,  # noqa: F811
    payment_settings,  # noqa: F811
):
    # given goods 200 000 fit the maximum, goods + delivery 250 000 do not
    payment_settings.COD_MAX_ORDER_AMOUNT = 220_000
    checkout_id = ready(api_client, two_producer_cart)

    # when
    _total, ids = gateway_ids(api_client, checkout_id)
    completed = content(
        api_client.post_graphql(
            COMPLETE, {"id": checkout_id, "paymentData": json.dumps({"gateway": "cod"})}
        )
    )["data"]["checkoutComplete"]

    # then
    assert ids == ["ocop.payments.vietqr"]
    assert completed["order"] is None
    assert [(e["field"], e["code"]) for e in completed["errors"]] == [
        ("paymentData", "PAYMENT_ERROR")
    ]
    assert Order.objects.count() == 0
    assert Checkout.objects.count() == 1
