"""bankNoticeApply: staff record a flagged notice's money on an order, once."""

import json

import pytest
from graphql_relay import to_global_id

from backend.orders.models import OrderStatus
from backend.payments.models import BankNotice, BankNoticeStatus, TransactionEvent
from tests.backend.payments import factories
from tests.backend.payments.fixtures import post_notice
from tests.conftest import client_for, content

pytestmark = pytest.mark.django_db

APPLY = """
mutation Apply($id: ID!, $order: ID) {
  bankNoticeApply(id: $id, order: $order) {
    bankNotice {
      status
      resolvedBy { email }
      order { number chargeStatus }
      events { type user { email } orderNumber }
    }
    errors { field code message }
  }
}
"""


def flagged(client, *, amount, description, reference="FT1"):
    post_notice(client, {"amount": amount, "description": description, "reference": reference})
    notice = BankNotice.objects.get(bank_reference=reference)
    assert notice.status == BankNoticeStatus.FLAGGED
    return notice


def notice_id(notice):
    return to_global_id("BankNotice", notice.pk)


def test_staff_apply_an_underpaid_notice_and_a_second_time_is_refused(
    client, payment_settings, staff_user, staff_api_client
):
    # given an underpaid notice
    order = factories.order()
    notice = flagged(client, amount=100_000, description=f"OCOP {order.number}")

    # when staff apply it twice
    first = content(staff_api_client.post_graphql(APPLY, {"id": notice_id(notice)}))
    second = content(staff_api_client.post_graphql(APPLY, {"id": notice_id(notice)}))

    # then the order is partly paid once, the notice settled with an event
    applied = first["data"]["bankNoticeApply"]
    assert applied["errors"] == []
    assert applied["bankNotice"]["status"] == "RESOLVED"
    assert applied["bankNotice"]["resolvedBy"] == {"email": staff_user.email}
    assert applied["bankNotice"]["order"] == {
        "number": str(order.number),
        "chargeStatus": "PARTIAL",
    }
    assert applied["bankNotice"]["events"][-1] == {
        "type": "APPLIED_BY_STAFF",
        "user": {"email": staff_user.email},
        "orderNumber": str(order.number),
    }
    again = second["data"]["bankNoticeApply"]
    assert [(error["field"], error["code"]) for error in again["errors"]] == [
        ("id", "ALREADY_RESOLVED")
    ]
    assert (
        again["errors"][0]["message"]
        == "Thông báo ngân hàng này đã được xử lý (Nhân viên đã xử lý)."
    )
    assert TransactionEvent.objects.filter(type="charge_success").count() == 1


def test_staff_apply_an_unknown_code_notice_to_the_order_they_name(
    client, payment_settings, staff_api_client
):
    # given a notice naming no order
    order = factories.order()
    notice = flagged(client, amount=180_000, description="chuyen tien hang")

    # when staff apply it to the order
    response = staff_api_client.post_graphql(
        APPLY, {"id": notice_id(notice), "order": to_global_id("Order", order.pk)}
    )

    # then the order is paid
    data = content(response)["data"]["bankNoticeApply"]
    assert data["errors"] == []
    assert data["bankNotice"]["order"]["chargeStatus"] == "FULL"


@pytest.mark.parametrize(
    ("case", "field", "code"),
    [
        ("cancelled order", "order", "ORDER_NOT_PAYABLE"),
        ("no order", "order", "REQUIRED"),
        ("unknown order", "order", "NOT_FOUND"),
        ("order id of another type", "order", "GRAPHQL_ERROR"),
        ("unknown notice", "id", "NOT_FOUND"),
        ("notice id of another type", "id", "GRAPHQL_ERROR"),
    ],
)
def test_bad_applications_are_refused_and_move_no_money(
    client, payment_settings, staff_api_client, case, field, code
):
    # given a flagged notice: for a cancelled order, or naming none
    cancelled = factories.order(status=OrderStatus.CANCELED)
    description = f"OCOP {cancelled.number}" if case == "cancelled order" else "?"
    notice = flagged(client, amount=180_000, description=description)
    variables = {"id": notice_id(notice)}
    if case == "unknown order":
        variables["order"] = to_global_id("Order", 999_999)
    elif case == "order id of another type":
        variables["order"] = to_global_id("Producer", 1)
    elif case == "unknown notice":
        variables["id"] = to_global_id("BankNotice", 999_999)
    elif case == "notice id of another type":
        variables["id"] = to_global_id("Order", cancelled.pk)

    # when staff apply it
    data = content(staff_api_client.post_graphql(APPLY, variables))["data"]["bankNoticeApply"]

    # then a clear error, the notice still waits, and no money moved
    assert [(error["field"], error["code"]) for error in data["errors"]] == [(field, code)]
    notice.refresh_from_db()
    assert notice.status == BankNoticeStatus.FLAGGED
    assert TransactionEvent.objects.count() == 0


@pytest.mark.parametrize("who", ["anonymous", "shopper", "member_a"])
def test_only_staff_apply_notices(client, payment_settings, actors, producer_a, who):
    # given a flagged notice
    order = factories.order()
    notice = flagged(client, amount=1, description=f"OCOP {order.number}")

    # when anyone else tries
    body = json.loads(
        client_for(actors[who]).post_graphql(APPLY, {"id": notice_id(notice)}).content
    )

    # then a top-level permission error and nothing changes
    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    notice.refresh_from_db()
    assert notice.status == BankNoticeStatus.FLAGGED
