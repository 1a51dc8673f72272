"""bankNoticeDismiss: staff close a flagged notice with a reason, once."""

import json

import pytest
from graphql_relay import to_global_id

from backend.orders.models import OrderStatus
from backend.payments.models import BankNotice, BankNoticeStatus, TransactionItem
from tests.backend.payments import factories
from tests.backend.payments.fixtures import post_notice
from tests.conftest import client_for, content

pytestmark = pytest.mark.django_db

DISMISS = """
mutation Dismiss($id: ID!, $reason: String!) {
  bankNoticeDismiss(id: $id, reason: $reason) {
    bankNotice { status resolutionNote events { type reason } }
    errors { field code }
  }
}
"""


@pytest.fixture
def notice(client, payment_settings):
    """A notice for a cancelled order: the money must go back to the payer."""
    order = factories.order(status=OrderStatus.CANCELED)
    post_notice(
        client, {"amount": 180_000, "description": f"OCOP {order.number}", "reference": "FT9"}
    )
    return BankNotice.objects.get()


def variables(notice, reason="Đã chuyển trả lại người gửi"):
    return {"id": to_global_id("BankNotice", notice.pk), "reason": reason}


def test_staff_dismiss_a_notice_once(notice, staff_api_client):
    # when staff dismiss it twice
    first = content(staff_api_client.post_graphql(DISMISS, variables(notice)))
    second = content(staff_api_client.post_graphql(DISMISS, variables(notice)))

    # then it is closed with the reason and an event; the second time is refused
    dismissed = first["data"]["bankNoticeDismiss"]
    assert dismissed["errors"] == []
    assert dismissed["bankNotice"] == {
        "status": "DISMISSED",
        "resolutionNote": "Đã chuyển trả lại người gửi",
        "events": [
            {"type": "RECEIVED", "reason": None},
            {"type": "DISMISSED", "reason": "Đã chuyển trả lại người gửi"},
        ],
    }
    assert second["data"]["bankNoticeDismiss"]["errors"] == [
        {"field": "id", "code": "ALREADY_RESOLVED"}
    ]
    assert TransactionItem.objects.count() == 0


def test_a_reason_is_required(notice, staff_api_client):
    # when
    data = content(staff_api_client.post_graphql(DISMISS, variables(notice, reason=" ")))

    # then
    assert data["data"]["bankNoticeDismiss"]["errors"] == [{"field": "reason", "code": "REQUIRED"}]
    notice.refresh_from_db()
    assert notice.status == BankNoticeStatus.FLAGGED


@pytest.mark.parametrize("who", ["anonymous", "shopper", "member_a"])
def test_only_staff_dismiss_notices(notice, actors, producer_a, who):
    # when anyone else tries
    body = json.loads(client_for(actors[who]).post_graphql(DISMISS, variables(notice)).content)

    # then a top-level permission error and nothing changes
    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    notice.refresh_from_db()
    assert notice.status == BankNoticeStatus.FLAGGED
