"""Staff marking an order paid records a manual transaction, whatever the payment method."""

import pytest

from backend.core.errors import DomainError, PermissionDenied
from backend.orders.models import OrderChargeStatus, PaymentMethod
from backend.payments import reconciliation, services
from backend.payments.gateways.cod import cod_gateway
from backend.payments.gateways.stripe import stripe_client, stripe_gateway
from backend.payments.gateways.vietqr import vietqr_gateway
from backend.payments.manual import order_payment_mark_received
from backend.payments.models import (
    LedgerEntry,
    TransactionAction,
    TransactionEvent,
    TransactionEventType,
    TransactionItem,
)
from tests.backend.payments import factories
from tests.backend.payments.fixtures import post_notice, stripe_event, stripe_signature

pytestmark = pytest.mark.django_db

T = TransactionEventType
MANUAL = "ocop.payments.manual"


@pytest.fixture(params=["cod", "vietqr", "stripe"])
def pending_order(request):
    """An order waiting for its money through the gateway the shopper chose."""
    method = request.param
    if method == "stripe":
        request.getfixturevalue("stripe_settings")
        gateway, data = stripe_gateway, {"paymentMethod": "pm_card_visa"}
    else:
        request.getfixturevalue("payment_settings")
        gateway, data = (cod_gateway if method == "cod" else vietqr_gateway), {}
    order = factories.order(payment_method=method)
    transaction, _event, _data = services.transaction_initialize(
        actor=None, order=order, gateway_id=gateway.id, data=data
    )
    return order, transaction


def test_mark_received_records_a_manual_transaction_not_the_gateways(pending_order, staff_user):
    # given an order pending through COD, VietQR or Stripe
    order, gateway_transaction = pending_order
    method = order.payment_method

    # when staff mark it paid with the receipt's number
    manual = order_payment_mark_received(
        actor=staff_user, order=order, transaction_reference="PT-0042"
    )

    # then a manual transaction, made by the staff member, holds the money
    assert (manual.gateway, manual.name, manual.created_by) == (
        MANUAL,
        "Nhân viên ghi nhận đã thanh toán",
        staff_user,
    )
    assert manual.charged_amount == order.total_amount
    (event,) = manual.events.all()
    assert (event.type, event.amount, event.psp_reference, event.created_by) == (
        T.CHARGE_SUCCESS,
        order.total_amount,
        "PT-0042",
        staff_user,
    )
    # and nothing is recorded as if it came through the gateway: its attempt is superseded
    gateway_transaction.refresh_from_db()
    assert (gateway_transaction.charged_amount, gateway_transaction.charge_pending_amount) == (0, 0)
    assert gateway_transaction.canceled_amount == order.total_amount
    assert not gateway_transaction.events.filter(type=T.CHARGE_SUCCESS).exists()
    order.refresh_from_db()
    assert (order.charge_status, order.payment_method) == (OrderChargeStatus.FULL, method)
    assert LedgerEntry.objects.filter(order=order).exists()
    cod_collected = set(order.fulfillment_groups.values_list("cod_collected", flat=True))
    assert cod_collected == {method == PaymentMethod.COD}


def test_manual_payment_is_refunded_by_hand_and_reverses_the_ledger(payment_settings, staff_user):
    # given an order staff marked paid
    order = factories.order(payment_method=PaymentMethod.VIETQR)
    manual = order_payment_mark_received(actor=staff_user, order=order)

    # when staff refund it
    services.transaction_request_action(
        actor=staff_user, transaction=manual, action=TransactionAction.REFUND, amount=None
    )

    # then the money and the producer's entries are back to nothing
    manual.refresh_from_db()
    assert (manual.charged_amount, manual.refunded_amount) == (0, order.total_amount)
    assert sum(LedgerEntry.objects.filter(order=order).values_list("amount", flat=True)) == 0


def test_card_payment_completed_after_marking_paid_shows_overcharged(
    client, stripe_settings, staff_user
):
    # given a card payment the shopper confirmed, not yet reported, and staff mark it paid
    order = factories.order(payment_method=PaymentMethod.STRIPE)
    transaction, _event, _data = services.transaction_initialize(
        actor=None,
        order=order,
        gateway_id=stripe_gateway.id,
        data={"paymentMethod": "pm_card_visa"},
    )
    order_payment_mark_received(actor=staff_user, order=order)

    # when Stripe reports the card payment
    intent = stripe_client().v1.payment_intents.retrieve(transaction.psp_reference)
    payload = stripe_event("evt_late", "payment_intent.succeeded", intent.to_dict())
    client.post(
        "/payments/stripe/webhook/",
        payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=stripe_signature(payload),
    )

    # then both amounts are kept and staff see the order overcharged, to refund one
    order.refresh_from_db()
    assert order.charge_status == OrderChargeStatus.OVERCHARGED
    assert order.total_charged_amount == 2 * order.total_amount


def test_reference_of_a_bank_notice_or_already_used_is_refused(
    client, payment_settings, staff_user
):
    # given a flagged bank notice FT7 and an order marked paid with FT8
    order = factories.order(payment_method=PaymentMethod.VIETQR)
    other = factories.order(payment_method=PaymentMethod.VIETQR)
    reconciled = factories.order(payment_method=PaymentMethod.VIETQR)
    reconciliation.bank_transfer_mark_received(
        actor=staff_user, order=reconciled, amount=1_000, bank_reference="FT8"
    )
    post_notice(client, {"amount": 5, "description": "?", "reference": "FT7"})
    before = (TransactionItem.objects.count(), TransactionEvent.objects.count())

    # when staff mark another order paid with either reference
    with pytest.raises(DomainError) as notice_error:
        order_payment_mark_received(actor=staff_user, order=order, transaction_reference="FT7")
    with pytest.raises(DomainError) as used_error:
        order_payment_mark_received(actor=staff_user, order=other, transaction_reference="FT8")

    # then both are refused on the reference, and nothing is written
    assert (notice_error.value.code, notice_error.value.field) == (
        "INVALID",
        "transactionReference",
    )
    assert (used_error.value.code, used_error.value.field) == ("INVALID", "transactionReference")
    assert (TransactionItem.objects.count(), TransactionEvent.objects.count()) == before


def test_only_staff_mark_received(payment_settings, user):
    # given an order
    order = factories.order()

    # when a shopper tries, then it is refused and nothing is written
    with pytest.raises(PermissionDenied):
        order_payment_mark_received(actor=user, order=order)
    assert TransactionItem.objects.count() == 0
