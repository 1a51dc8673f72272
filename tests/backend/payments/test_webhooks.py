import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.orders.models import OrderChargeStatus, OrderStatus
from backend.payments import reconciliation, services
from backend.payments.gateways.stripe import stripe_client, stripe_gateway
from backend.payments.gateways.vietqr import vietqr_gateway
from backend.payments.models import (
    BankNotice,
    BankNoticeFlag,
    BankNoticeStatus,
    ProcessedStripeEvent,
    TransactionAction,
    TransactionEvent,
)
from backend.payments.vietqr import parse_vietqr_payload
from tests.backend.payments import factories
from tests.backend.payments.fixtures import (
    post_notice,
    sign_bank_notice,
    stripe_event,
    stripe_signature,
)

pytestmark = pytest.mark.django_db

STRIPE_URL = "/payments/stripe/webhook/"


def test_bank_notice_pays_the_order_once(client, payment_settings):
    # given an order waiting for a VietQR transfer
    order = factories.order()
    services.transaction_initialize(actor=None, order=order, gateway_id=vietqr_gateway.id)
    notice = {
        "amount": 180_000,
        "description": f"ocop{order.number} chuyen khoan",
        "reference": "FT9",
    }

    # when the bank notifies it twice
    first = post_notice(client, notice)
    second = post_notice(client, notice)

    # then it is applied once
    assert first.status_code == second.status_code == 200
    assert second.json()["duplicate"] is True
    order.refresh_from_db()
    assert order.charge_status == OrderChargeStatus.FULL
    assert order.total_charged_amount == 180_000
    assert BankNotice.objects.get().status == BankNoticeStatus.APPLIED


@pytest.mark.parametrize(
    ("amount", "status", "description", "flag"),
    [
        (100_000, OrderStatus.UNFULFILLED, "OCOP {n}", BankNoticeFlag.UNDERPAID),
        (200_000, OrderStatus.UNFULFILLED, "OCOP {n}", BankNoticeFlag.OVERPAID),
        (180_000, OrderStatus.CANCELED, "OCOP {n}", BankNoticeFlag.ORDER_NOT_PAYABLE),
        (180_000, OrderStatus.UNFULFILLED, "tien hang", BankNoticeFlag.UNKNOWN_CODE),
    ],
)
def test_bank_notice_that_does_not_match_is_flagged_not_applied(
    client, payment_settings, amount, status, description, flag
):
    # given an order
    order = factories.order(status=status)

    # when a notice that does not match it arrives
    response = post_notice(
        client,
        {"amount": amount, "description": description.format(n=order.number), "reference": "FT1"},
    )

    # then it is recorded and flagged, and no money moved
    assert response.status_code == 200
    notice = BankNotice.objects.get()
    assert (notice.status, notice.flag) == (BankNoticeStatus.FLAGGED, flag)
    order.refresh_from_db()
    assert order.total_charged_amount == 0
    assert TransactionEvent.objects.count() == 0


def test_forged_bank_notice_is_rejected(client, payment_settings):
    # given an order
    order = factories.order()
    payload = {"amount": 180_000, "description": f"OCOP {order.number}", "reference": "FT5"}

    # when the notice is signed with another secret
    body = json.dumps(payload).encode()
    response = post_notice(client, payload, signature=sign_bank_notice(body, "wrong"))

    # then it is refused and nothing is recorded
    assert response.status_code == 400
    assert BankNotice.objects.count() == 0


def test_flagged_notice_is_settled_by_staff(client, payment_settings, staff_user):
    # given an underpaid notice
    order = factories.order()
    post_notice(
        client, {"amount": 100_000, "description": f"OCOP {order.number}", "reference": "FT7"}
    )

    # when staff record it as received
    reconciliation.bank_transfer_mark_received(
        actor=staff_user, order=order, amount=100_000, bank_reference="FT7"
    )

    # then the notice is resolved and the order partly paid
    assert BankNotice.objects.get().status == BankNoticeStatus.RESOLVED
    order.refresh_from_db()
    assert order.charge_status == OrderChargeStatus.PARTIAL


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(number=st.integers(min_value=1, max_value=10**18), amount=st.integers(1, 10**12))
def test_vietqr_gateway_payload_names_the_order_and_amount(payment_settings, number, amount):
    # given any order number and amount, when the gateway builds its instructions
    data = vietqr_gateway.instructions(order_number=number, amount=amount)

    # then the payload decodes to them, and the code reads back from the note
    decoded = parse_vietqr_payload(data["payload"])
    assert decoded.amount == amount
    assert decoded.purpose == f"OCOP {number}"
    assert len(decoded.purpose) <= 25
    assert (decoded.bank_bin, decoded.account_number) == ("970436", "0123456789")


def test_stripe_card_payment_succeeds_and_webhook_replays_change_nothing(client, stripe_settings):
    # given an order paid by a card that localstripe accepts
    order = factories.order()
    transaction, _event, data = services.transaction_initialize(
        actor=None,
        order=order,
        gateway_id=stripe_gateway.id,
        data={"paymentMethod": "pm_card_visa"},
    )
    assert data["clientSecret"]
    order.refresh_from_db()
    assert order.charge_status == OrderChargeStatus.NONE

    # when the succeeded event arrives 100 times
    intent = stripe_client().v1.payment_intents.retrieve(transaction.psp_reference)
    payload = stripe_event("evt_ok_1", "payment_intent.succeeded", intent.to_dict())
    responses = [
        client.post(
            STRIPE_URL,
            payload,
            content_type="application/json",
            HTTP_STRIPE_SIGNATURE=stripe_signature(payload),
        )
        for _ in range(100)
    ]

    # then it is applied once
    assert {response.status_code for response in responses} == {200}
    order.refresh_from_db()
    assert order.charge_status == OrderChargeStatus.FULL
    assert order.total_charged_amount == 180_000
    assert ProcessedStripeEvent.objects.count() == 1
    assert transaction.events.filter(type="charge_success").count() == 1


def test_stripe_forged_webhook_is_rejected(client, stripe_settings):
    # given an order with a Stripe intent
    order = factories.order()
    transaction, _event, _data = services.transaction_initialize(
        actor=None,
        order=order,
        gateway_id=stripe_gateway.id,
        data={"paymentMethod": "pm_card_visa"},
    )
    intent = stripe_client().v1.payment_intents.retrieve(transaction.psp_reference)
    payload = stripe_event("evt_forged", "payment_intent.succeeded", intent.to_dict())

    # when it is signed with another secret
    response = client.post(
        STRIPE_URL,
        payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=stripe_signature(payload, "whsec_other"),
    )

    # then HTTP 400 and nothing changes
    assert response.status_code == 400
    assert ProcessedStripeEvent.objects.count() == 0
    order.refresh_from_db()
    assert order.total_charged_amount == 0


def test_stripe_declined_card_records_failure(stripe_settings):
    # given a card that declines
    method = stripe_client().v1.payment_methods.create(
        params={
            "type": "card",
            "card": {"number": "4000000000000341", "exp_month": 12, "exp_year": 2030, "cvc": "123"},
        }
    )
    order = factories.order()

    # when the shopper pays with it
    transaction, event, _data = services.transaction_initialize(
        actor=None, order=order, gateway_id=stripe_gateway.id, data={"paymentMethod": method.id}
    )

    # then a failure is recorded and nothing is charged
    assert event.type == "charge_failure"
    order.refresh_from_db()
    assert order.charge_status == OrderChargeStatus.NONE
    assert transaction.charge_pending_amount == 0


def test_stripe_authorize_capture_once_refund_not_above_captured(stripe_settings, staff_user):
    # given a card payment held by authorization
    order = factories.order()
    transaction, _event, _data = services.transaction_initialize(
        actor=None,
        order=order,
        gateway_id=stripe_gateway.id,
        action="authorization",
        data={"paymentMethod": "pm_card_visa"},
    )
    services.transaction_process(actor=None, transaction=transaction)
    transaction.refresh_from_db()
    assert transaction.authorized_amount == 180_000

    # when staff capture it twice
    services.transaction_request_action(
        actor=staff_user, transaction=transaction, action=TransactionAction.CHARGE, amount=None
    )
    with pytest.raises(Exception) as error:
        services.transaction_request_action(
            actor=staff_user, transaction=transaction, action=TransactionAction.CHARGE, amount=None
        )

    # then the second capture is refused; the order is paid once
    assert error.value.code == "INVALID"
    order.refresh_from_db()
    assert (order.charge_status, order.total_charged_amount) == (OrderChargeStatus.FULL, 180_000)

    # when staff refund more than was captured, then it is refused
    with pytest.raises(Exception) as error:
        services.transaction_request_action(
            actor=staff_user,
            transaction=transaction,
            action=TransactionAction.REFUND,
            amount=180_001,
        )
    assert error.value.code == "INVALID"

    # when they refund part of it at Stripe
    services.transaction_request_action(
        actor=staff_user, transaction=transaction, action=TransactionAction.REFUND, amount=80_000
    )
    transaction.refresh_from_db()
    assert (transaction.charged_amount, transaction.refunded_amount) == (100_000, 80_000)
