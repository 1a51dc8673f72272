import pytest

from backend.core.errors import DomainError, PermissionDenied
from backend.orders.models import (
    OrderChargeStatus,
    OrderEvent,
    OrderEventType,
    OrderStatus,
    PaymentMethod,
)
from backend.payments import reconciliation, services
from backend.payments.gateways.cod import cod_gateway
from backend.payments.gateways.vietqr import vietqr_gateway
from backend.payments.models import (
    LedgerEntry,
    TransactionAction,
    TransactionEvent,
    TransactionEventType,
    TransactionItem,
)
from tests.backend.payments import factories

pytestmark = pytest.mark.django_db


def test_cod_order_is_paid_when_every_group_is_collected(payment_settings, staff_user):
    # given an order from two producers, paid cash on delivery, with a discount
    first, second = factories.producer(), factories.producer()
    order = factories.order(
        groups=[(first, 100_000, 20_000), (second, 50_000, 10_000)], discount=5_000
    )
    services.transaction_initialize(actor=None, order=order, gateway_id=cod_gateway.id)
    group_a, group_b = order.fulfillment_groups.order_by("fulfillment_order")
    factories.deliver(group_a)
    factories.deliver(group_b)

    # when the first producer's cash is collected
    services.fulfillment_group_cash_collect(actor=staff_user, group_id=group_a.pk)

    # then the order is partly paid
    order.refresh_from_db()
    assert order.charge_status == OrderChargeStatus.PARTIAL
    assert order.total_charged_amount == 120_000

    # when the second is collected, the remainder (after the discount) makes it paid
    services.fulfillment_group_cash_collect(actor=staff_user, group_id=group_b.pk)
    order.refresh_from_db()
    assert order.charge_status == OrderChargeStatus.FULL
    assert order.total_charged_amount == 175_000
    transaction = order.transactions.get()
    assert transaction.charge_pending_amount == 0
    assert OrderEvent.objects.filter(order=order, type=OrderEventType.ORDER_FULLY_PAID).count() == 1


def test_cod_collect_twice_or_before_delivery_is_refused(payment_settings, staff_user):
    # given a COD order whose group is not delivered
    order = factories.order()
    group = order.fulfillment_groups.get()

    # when cash is marked collected before delivery
    with pytest.raises(DomainError) as error:
        services.fulfillment_group_cash_collect(actor=staff_user, group_id=group.pk)

    # then nothing is charged
    assert error.value.code == "NOT_DELIVERED"
    assert TransactionEvent.objects.filter(type=TransactionEventType.CHARGE_SUCCESS).count() == 0

    # when it is delivered and collected twice
    factories.deliver(group)
    services.fulfillment_group_cash_collect(actor=staff_user, group_id=group.pk)
    with pytest.raises(DomainError) as error:
        services.fulfillment_group_cash_collect(actor=staff_user, group_id=group.pk)

    # then the second time changes nothing
    assert error.value.code == "ALREADY_COLLECTED"
    order.refresh_from_db()
    assert order.total_charged_amount == order.total_amount


def test_cod_collect_needs_staff(payment_settings, user):
    # given a delivered COD group
    order = factories.order()
    group = factories.deliver(order.fulfillment_groups.get())

    # when a shopper tries to mark it collected, then it is refused
    with pytest.raises(PermissionDenied):
        services.fulfillment_group_cash_collect(actor=user, group_id=group.pk)
    assert TransactionItem.objects.count() == 0


def test_cod_not_offered_above_the_maximum(payment_settings):
    # given an order above COD_MAX_ORDER_AMOUNT
    payment_settings.COD_MAX_ORDER_AMOUNT = 100_000
    order = factories.order()

    # when COD is asked for, then the gateway is not available
    with pytest.raises(Exception) as error:
        services.transaction_initialize(actor=None, order=order, gateway_id=cod_gateway.id)
    assert "payment_gateway" in error.value.message_dict
    assert TransactionItem.objects.count() == 0


def test_vietqr_initialize_returns_payload_with_order_code(payment_settings):
    # given an order
    order = factories.order(payment_method=PaymentMethod.COD)

    # when VietQR is chosen
    transaction, event, data = services.transaction_initialize(
        actor=None, order=order, gateway_id=vietqr_gateway.id
    )

    # then the transfer is pending and the data spells it out
    assert event.type == TransactionEventType.CHARGE_REQUEST
    assert transaction.charge_pending_amount == 180_000
    assert data["transferNote"] == f"OCOP {order.number}"
    assert data["amount"] == 180_000
    assert data["accountName"] == "CONG TY OCOP MARKET"
    assert data["qrCodeDataUrl"].startswith("data:image/png;base64,")
    order.refresh_from_db()
    assert order.payment_method == PaymentMethod.VIETQR


def test_amount_mismatch_is_refused(payment_settings):
    # given an order of 180,000 đồng
    order = factories.order()

    # when a different amount is asked for
    with pytest.raises(Exception) as error:
        services.transaction_initialize(
            actor=None, order=order, gateway_id=vietqr_gateway.id, amount=100_000
        )

    # then nothing is written
    assert error.value.message_dict["amount"]
    assert TransactionItem.objects.count() == 0


def test_staff_marks_transfer_received_and_refunds_within_charged(payment_settings, staff_user):
    # given a VietQR order whose transfer arrived
    order = factories.order()
    services.transaction_initialize(actor=None, order=order, gateway_id=vietqr_gateway.id)
    transaction = reconciliation.bank_transfer_mark_received(
        actor=staff_user, order=order, amount=180_000, bank_reference="FT001"
    )
    order.refresh_from_db()
    assert order.charge_status == OrderChargeStatus.FULL

    # when staff refund more than was charged
    with pytest.raises(DomainError) as error:
        services.transaction_request_action(
            actor=staff_user,
            transaction=transaction,
            action=TransactionAction.REFUND,
            amount=180_001,
        )

    # then it is refused and nothing moved
    assert error.value.code == "INVALID"
    transaction.refresh_from_db()
    assert transaction.refunded_amount == 0

    # when a part is refunded, the order is partly paid again
    services.transaction_request_action(
        actor=staff_user, transaction=transaction, action=TransactionAction.REFUND, amount=30_000
    )
    transaction.refresh_from_db()
    order.refresh_from_db()
    assert (transaction.charged_amount, transaction.refunded_amount) == (150_000, 30_000)
    assert order.charge_status == OrderChargeStatus.PARTIAL


def test_same_bank_reference_twice_is_refused(payment_settings, staff_user):
    # given a transfer already recorded
    order = factories.order()
    reconciliation.bank_transfer_mark_received(
        actor=staff_user, order=order, amount=100_000, bank_reference="FT002"
    )

    # when the same reference is recorded again
    with pytest.raises(DomainError):
        reconciliation.bank_transfer_mark_received(
            actor=staff_user, order=order, amount=80_000, bank_reference="FT002"
        )

    # then only the first counts
    order.refresh_from_db()
    assert order.total_charged_amount == 100_000


def test_cancelled_order_cannot_be_paid(payment_settings, staff_user):
    # given a cancelled order
    order = factories.order(status=OrderStatus.CANCELED)

    # when staff record a transfer, then it is refused
    with pytest.raises(DomainError):
        reconciliation.bank_transfer_mark_received(
            actor=staff_user, order=order, amount=180_000, bank_reference="FT003"
        )
    assert TransactionItem.objects.count() == 0


def test_capture_is_refused_for_a_gateway_without_authorization(payment_settings, staff_user):
    # given a paid VietQR order
    order = factories.order()
    transaction = reconciliation.bank_transfer_mark_received(
        actor=staff_user, order=order, amount=180_000, bank_reference="FT004"
    )

    # when staff try to capture, then nothing is captured
    with pytest.raises(DomainError) as error:
        services.transaction_request_action(
            actor=staff_user, transaction=transaction, action=TransactionAction.CHARGE, amount=None
        )
    assert error.value.field == "actionType"


def test_switching_gateway_cancels_the_earlier_pending_attempt(payment_settings):
    # given a pending VietQR attempt
    order = factories.order()
    first, _event, _data = services.transaction_initialize(
        actor=None, order=order, gateway_id=vietqr_gateway.id
    )

    # when the shopper switches to cash on delivery
    second, _event, _data = services.transaction_initialize(
        actor=None, order=order, gateway_id=cod_gateway.id
    )

    # then only the new attempt is pending
    first.refresh_from_db()
    assert (first.charge_pending_amount, first.canceled_amount) == (0, 180_000)
    assert second.charge_pending_amount == 180_000
    assert LedgerEntry.objects.count() == 0
