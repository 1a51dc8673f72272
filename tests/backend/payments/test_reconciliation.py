"""Staff settle flagged bank notices: apply one to an order, or dismiss it with a reason."""

import pytest

from backend.core.errors import DomainError, PermissionDenied
from backend.orders.models import OrderChargeStatus, OrderStatus
from backend.payments import reconciliation
from backend.payments.models import (
    BankNotice,
    BankNoticeEventType,
    BankNoticeFlag,
    BankNoticeStatus,
    TransactionEvent,
    TransactionItem,
)
from tests.backend.payments import factories
from tests.backend.payments.fixtures import post_notice

pytestmark = pytest.mark.django_db

E = BankNoticeEventType


def notice_for(client, order, *, amount, reference="FT1", currency=None, description=None):
    payload = {
        "amount": amount,
        "description": description if description is not None else f"OCOP {order.number}",
        "reference": reference,
    }
    if currency:
        payload["currency"] = currency
    post_notice(client, payload)
    return BankNotice.objects.get(bank_reference=reference)


def money_state():
    return (
        TransactionItem.objects.count(),
        TransactionEvent.objects.count(),
        list(BankNotice.objects.values_list("status", flat=True)),
    )


def test_received_notices_record_an_event_and_applied_ones_a_second(client, payment_settings):
    # given an order, and one unknown transfer
    order = factories.order()

    # when a matching and a non-matching notice arrive
    applied = notice_for(client, order, amount=180_000, reference="FT-OK")
    flagged = notice_for(client, order, amount=5, reference="FT-X", description="tien hang")

    # then both record their arrival, and the matched one its application
    assert list(applied.events.values_list("type", flat=True)) == [E.RECEIVED, E.APPLIED]
    assert applied.events.last().parameters["order"] == order.number
    (received,) = flagged.events.all()
    assert (received.type, received.parameters["flag"]) == (E.RECEIVED, "unknown_code")


def test_staff_apply_an_underpaid_notice_once(client, payment_settings, staff_user):
    # given an underpaid notice for an order
    order = factories.order()
    notice = notice_for(client, order, amount=100_000)
    assert notice.flag == BankNoticeFlag.UNDERPAID

    # when staff apply it
    resolved = reconciliation.bank_notice_apply(actor=staff_user, notice_id=notice.pk)

    # then the money is recorded as a transfer received, and the notice is settled
    order.refresh_from_db()
    assert (order.charge_status, order.total_charged_amount) == (OrderChargeStatus.PARTIAL, 100_000)
    assert (resolved.status, resolved.order, resolved.resolved_by) == (
        BankNoticeStatus.RESOLVED,
        order,
        staff_user,
    )
    assert resolved.transaction.gateway == "ocop.payments.vietqr"
    assert resolved.transaction.events.filter(type="charge_success", psp_reference="FT1").exists()
    event = resolved.events.last()
    assert (event.type, event.user, event.parameters["order"]) == (
        E.APPLIED_BY_STAFF,
        staff_user,
        order.number,
    )

    # when they apply or dismiss it again, then it is refused and nothing changes
    before = money_state()
    for attempt in (
        lambda: reconciliation.bank_notice_apply(actor=staff_user, notice_id=notice.pk),
        lambda: reconciliation.bank_notice_dismiss(
            actor=staff_user, notice_id=notice.pk, reason="x"
        ),
    ):
        with pytest.raises(DomainError) as error:
            attempt()
        assert (error.value.code, error.value.field) == ("ALREADY_RESOLVED", "id")
    assert money_state() == before


def test_an_unknown_code_notice_is_applied_to_the_order_staff_choose(
    client, payment_settings, staff_user
):
    # given a notice naming no order
    order = factories.order()
    notice = notice_for(client, order, amount=180_000, description="chuyen tien")

    # when staff apply it without naming an order, then it is refused
    with pytest.raises(DomainError) as error:
        reconciliation.bank_notice_apply(actor=staff_user, notice_id=notice.pk)
    assert (error.value.code, error.value.field) == ("REQUIRED", "order")

    # when they name the order, then it is paid
    reconciliation.bank_notice_apply(actor=staff_user, notice_id=notice.pk, order=order)
    order.refresh_from_db()
    assert order.charge_status == OrderChargeStatus.FULL


@pytest.mark.parametrize(
    ("case", "code", "field"),
    [
        ("cancelled", "ORDER_NOT_PAYABLE", "order"),
        ("already_paid", "INVALID", "order"),
        ("currency", "INVALID", "id"),
    ],
)
def test_a_notice_that_cannot_be_applied_changes_no_money(
    client, payment_settings, staff_user, case, code, field
):
    # given a flagged notice for a cancelled order, a paid order, or in another currency
    status = OrderStatus.CANCELED if case == "cancelled" else OrderStatus.UNFULFILLED
    order = factories.order(status=status)
    if case == "already_paid":
        notice_for(client, order, amount=180_000, reference="FT-PAID")
    notice = notice_for(
        client, order, amount=180_000, currency="USD" if case == "currency" else None
    )
    assert notice.status == BankNoticeStatus.FLAGGED
    before = money_state()

    # when staff apply it
    with pytest.raises(DomainError) as error:
        reconciliation.bank_notice_apply(actor=staff_user, notice_id=notice.pk)

    # then a clear error, and no money moves
    assert (error.value.code, error.value.field) == (code, field)
    assert money_state() == before
    assert not notice.events.exclude(type=E.RECEIVED).exists()


def test_staff_dismiss_a_notice_with_a_reason(client, payment_settings, staff_user):
    # given a notice for a cancelled order
    order = factories.order(status=OrderStatus.CANCELED)
    notice = notice_for(client, order, amount=180_000)
    assert notice.flag == BankNoticeFlag.ORDER_NOT_PAYABLE

    # when staff dismiss it without a reason, then it is refused
    with pytest.raises(DomainError) as error:
        reconciliation.bank_notice_dismiss(actor=staff_user, notice_id=notice.pk, reason="  ")
    assert (error.value.code, error.value.field) == ("REQUIRED", "reason")

    # when they give one, then the notice is closed and no money moved
    reason = "Đã chuyển trả lại khách (UNC 12)"
    dismissed = reconciliation.bank_notice_dismiss(
        actor=staff_user, notice_id=notice.pk, reason=reason
    )
    assert (dismissed.status, dismissed.resolution_note, dismissed.transaction) == (
        BankNoticeStatus.DISMISSED,
        reason,
        None,
    )
    event = dismissed.events.last()
    assert (event.type, event.user, event.parameters) == (
        E.DISMISSED,
        staff_user,
        {"reason": reason},
    )
    assert TransactionItem.objects.count() == 0


def test_only_staff_settle_notices(client, payment_settings, user):
    # given a flagged notice
    order = factories.order()
    notice = notice_for(client, order, amount=1)

    # when a shopper tries either, then it is refused and nothing changes
    with pytest.raises(PermissionDenied):
        reconciliation.bank_notice_apply(actor=user, notice_id=notice.pk)
    with pytest.raises(PermissionDenied):
        reconciliation.bank_notice_dismiss(actor=user, notice_id=notice.pk, reason="x")
    notice.refresh_from_db()
    assert notice.status == BankNoticeStatus.FLAGGED


def test_staff_recording_a_transfer_settles_its_notice_with_an_event(
    client, payment_settings, staff_user
):
    # given an underpaid notice
    order = factories.order()
    notice = notice_for(client, order, amount=100_000, reference="FT7")

    # when staff record the transfer by hand with its reference
    reconciliation.bank_transfer_mark_received(
        actor=staff_user, order=order, amount=100_000, bank_reference="FT7"
    )

    # then the notice is settled, by them, with an event
    notice.refresh_from_db()
    assert (notice.status, notice.resolved_by) == (BankNoticeStatus.RESOLVED, staff_user)
    assert notice.events.last().type == E.APPLIED_BY_STAFF
