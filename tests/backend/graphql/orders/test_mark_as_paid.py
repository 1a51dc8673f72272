"""orderMarkAsPaid records the money through payments: a manual transaction, its event,
the ledger."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from graphql_relay import to_global_id

from backend.payments.models import LedgerEntry, TransactionItem
from backend.webhooks.models import Webhook, WebhookEvent
from tests.backend.graphql.orders.test_orders import place
from tests.backend.payments.fixtures import payment_settings  # noqa: F401
from tests.conftest import content

MARK_AS_PAID = """
mutation Paid($id: ID!, $reference: String) {
  orderMarkAsPaid(id: $id, transactionReference: $reference) {
    order {
      chargeStatus
      transactions { name actions chargedAmount { amount } events { type pspReference } }
    }
    errors { field code }
  }
}
"""


def test_staff_mark_as_paid_creates_a_transaction_ledger_entries_and_order_paid(
    staff_api_client,
    user_api_client,
    payment_settings,  # noqa: F811
):
    # given
    (order,), _ = place(AnonymousUser())
    Webhook.objects.create(name="ERP", target_url="http://127.0.0.1:9/", events=["order_paid"])
    variables = {"id": to_global_id("Order", order.pk), "reference": "FT2611"}

    # when
    refused = user_api_client.post_graphql(MARK_AS_PAID, variables).json()
    paid = content(staff_api_client.post_graphql(MARK_AS_PAID, variables))["data"][
        "orderMarkAsPaid"
    ]
    again = content(staff_api_client.post_graphql(MARK_AS_PAID, variables))["data"][
        "orderMarkAsPaid"
    ]

    # then
    assert refused["data"]["orderMarkAsPaid"]["errors"][0]["code"] == "NOT_FOUND"
    assert paid["errors"] == []
    assert paid["order"]["chargeStatus"] == "FULL"
    (transaction,) = paid["order"]["transactions"]
    assert transaction["chargedAmount"]["amount"] == order.total_amount
    assert transaction["name"] == "Nhân viên ghi nhận đã thanh toán"  # not a gateway's
    assert transaction["actions"] == ["REFUND"]
    assert {"type": "CHARGE_SUCCESS", "pspReference": "FT2611"} in transaction["events"]
    assert again["errors"] == [{"field": None, "code": "PAYMENT_ERROR"}]
    assert TransactionItem.objects.filter(order=order).count() == 1
    assert LedgerEntry.objects.filter(order=order).count() >= 2  # one per producer group
    assert WebhookEvent.objects.filter(event_type="order_paid").count() == 1
