import json

import pytest
from graphql_relay import to_global_id

from backend.payments.models import TransactionItem
from tests.backend.payments import factories
from tests.conftest import content

pytestmark = pytest.mark.django_db

GATEWAYS = """
mutation Gateways($id: ID!, $gateways: [PaymentGatewayToInitialize!]) {
  paymentGatewayInitialize(id: $id, paymentGateways: $gateways) {
    gatewayConfigs { id data errors { code } }
    errors { field code }
  }
}
"""

INITIALIZE = """
mutation Pay($id: ID!, $gateway: String!, $amount: PositiveDecimal) {
  transactionInitialize(id: $id, amount: $amount, paymentGateway: {id: $gateway}) {
    transaction { id chargePendingAmount { amount } actions }
    transactionEvent { type }
    data
    errors { field code }
  }
}
"""

REFUND = """
mutation Refund($id: ID!) {
  transactionRequestAction(id: $id, actionType: REFUND, amount: 1000) { errors { code } }
}
"""


def order_id(order):
    return to_global_id("Order", str(order.token))


def test_gateways_for_an_order_exclude_unconfigured_stripe(api_client, payment_settings):
    # given a guest order, Stripe not configured
    order = factories.order()

    # when its gateways are asked for, Stripe included
    response = api_client.post_graphql(
        GATEWAYS,
        {
            "id": order_id(order),
            "gateways": [{"id": "ocop.payments.vietqr"}, {"id": "ocop.payments.stripe"}],
        },
    )

    # then VietQR is offered and Stripe answers NOT_FOUND
    configs = content(response)["data"]["paymentGatewayInitialize"]["gatewayConfigs"]
    assert configs[0]["id"] == "ocop.payments.vietqr" and configs[0]["errors"] == []
    assert configs[0]["data"]["bankBin"] == "970436"
    assert configs[1]["errors"] == [{"code": "NOT_FOUND"}]


def test_transaction_initialize_vietqr(api_client, payment_settings):
    # given a guest order
    order = factories.order()

    # when it is paid by VietQR
    response = api_client.post_graphql(
        INITIALIZE, {"id": order_id(order), "gateway": "ocop.payments.vietqr"}
    )

    # then the pending transaction and the transfer instructions come back
    payload = content(response)["data"]["transactionInitialize"]
    assert payload["errors"] == []
    assert payload["transaction"]["chargePendingAmount"]["amount"] == 180_000
    assert payload["transactionEvent"]["type"] == "CHARGE_REQUEST"
    assert payload["data"]["transferNote"] == f"OCOP {order.number}"


@pytest.mark.parametrize(
    ("gateway", "amount", "field", "code"),
    [
        ("ocop.payments.stripe", None, "paymentGateway", "NOT_FOUND"),
        ("ocop.payments.unknown", None, "paymentGateway", "NOT_FOUND"),
        ("ocop.payments.vietqr", 1000, "amount", "INVALID"),
        ("ocop.payments.vietqr", 1000.5, "amount", "INVALID"),
    ],
)
def test_transaction_initialize_bad_input(
    api_client, payment_settings, gateway, amount, field, code
):
    # given a guest order
    order = factories.order()

    # when an unavailable gateway or a wrong amount is asked for
    response = api_client.post_graphql(
        INITIALIZE, {"id": order_id(order), "gateway": gateway, "amount": amount}
    )

    # then a clear error and no transaction
    errors = content(response)["data"]["transactionInitialize"]["errors"]
    assert errors == [{"field": field, "code": code}]
    assert TransactionItem.objects.count() == 0


def test_another_users_order_is_not_found(user_api_client, payment_settings, staff_user):
    # given an order of another signed-in user, named by number
    order = factories.order(user=staff_user)

    # when the shopper tries to pay it
    response = user_api_client.post_graphql(
        INITIALIZE, {"id": to_global_id("Order", order.pk), "gateway": "ocop.payments.vietqr"}
    )

    # then NOT_FOUND
    errors = content(response)["data"]["transactionInitialize"]["errors"]
    assert errors == [{"field": "id", "code": "NOT_FOUND"}]


def test_refund_needs_staff(user_api_client, payment_settings):
    # given a transaction
    order = factories.order()
    response = user_api_client.post_graphql(
        INITIALIZE, {"id": order_id(order), "gateway": "ocop.payments.vietqr"}
    )
    transaction_id = content(response)["data"]["transactionInitialize"]["transaction"]["id"]

    # when a shopper asks for a refund, then a top-level permission error
    data = json.loads(user_api_client.post_graphql(REFUND, {"id": transaction_id}).content)
    assert data["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
