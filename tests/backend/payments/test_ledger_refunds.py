"""Refunds reverse the producers' ledger entries: in proportion, once, and carried forward."""

import datetime
from decimal import Decimal

import pytest
from django.db.models import Sum
from django.utils import timezone

from backend.core.errors import DomainError
from backend.payments import ledger, reconciliation, selectors, services
from backend.payments.gateways.cod import cod_gateway
from backend.payments.gateways.stripe import stripe_gateway
from backend.payments.models import (
    CommissionRate,
    LedgerEntry,
    LedgerEntryKind,
    TransactionAction,
    TransactionEventType,
)
from producers.models import LegalForm
from tests.backend.payments import factories
from tests.backend.payments.fixtures import stripe_event, stripe_signature

pytestmark = pytest.mark.django_db

K = LedgerEntryKind
STRIPE_URL = "/payments/stripe/webhook/"


def amounts(producer, *kinds):
    entries = LedgerEntry.objects.filter(producer=producer)
    if kinds:
        entries = entries.filter(kind__in=kinds)
    return dict(entries.values_list("kind").annotate(total=Sum("amount")))


def balance(producer):
    return LedgerEntry.objects.filter(producer=producer).aggregate(total=Sum("amount"))["total"]


@pytest.fixture
def two_producer_order(payment_settings, staff_user):
    """A paid VietQR order: a household business (3%, withheld VAT and PIT) and a
    cooperative on the 5% default; 243,450 đồng in all."""
    CommissionRate.objects.create(
        producer=None, percent=Decimal("5"), valid_from=datetime.date(2025, 1, 1)
    )
    household = factories.producer(legal_form=LegalForm.HO_KINH_DOANH)
    CommissionRate.objects.create(
        producer=household, percent=Decimal("3"), valid_from=datetime.date(2025, 1, 1)
    )
    cooperative = factories.producer()
    order = factories.order(groups=[(household, 123_450, 20_000), (cooperative, 100_000, 0)])
    transaction = reconciliation.bank_transfer_mark_received(
        actor=staff_user, order=order, amount=order.total_amount, bank_reference="FT-R1"
    )
    return order, transaction, household, cooperative


def refund(staff_user, transaction, amount):
    return services.transaction_request_action(
        actor=staff_user, transaction=transaction, action=TransactionAction.REFUND, amount=amount
    )


def test_partial_refunds_reverse_in_proportion_and_a_full_refund_reverses_everything(
    two_producer_order, staff_user
):
    # given a paid order from two producers
    order, transaction, household, cooperative = two_producer_order

    # when a third of it is refunded (by hand: the transfer is sent back)
    refund(staff_user, transaction, 81_150)

    # then a third of revenue, commission and withheld tax is reversed, rounded half-up
    reversals = (K.REFUND, K.COMMISSION_REVERSAL, K.VAT_WITHHELD_REVERSAL, K.PIT_WITHHELD_REVERSAL)
    assert amounts(household, *reversals) == {
        K.REFUND: -47_817,  # 143,450 / 3 = 47,816.67
        K.COMMISSION_REVERSAL: 1_235,  # 3,704 / 3
        K.VAT_WITHHELD_REVERSAL: 412,  # 1,235 / 3
        K.PIT_WITHHELD_REVERSAL: 206,  # 617 / 3
    }
    assert amounts(cooperative, *reversals) == {K.REFUND: -33_333, K.COMMISSION_REVERSAL: 1_667}
    refund_event = transaction.events.get(type=TransactionEventType.REFUND_SUCCESS)
    assert set(
        LedgerEntry.objects.filter(kind__in=reversals).values_list("transaction_event", flat=True)
    ) == {refund_event.pk}

    # when the rest is refunded in two more parts
    refund(staff_user, transaction, 100_000)
    refund(staff_user, transaction, 62_300)

    # then everything posted for the order is reversed exactly: nothing is owed either way
    assert balance(household) == 0
    assert balance(cooperative) == 0
    assert amounts(household, K.REFUND) == {K.REFUND: -143_450}
    order.refresh_from_db()
    assert order.total_charged_amount == 0


def test_refunding_an_overpayment_reverses_nothing_for_producers(payment_settings, staff_user):
    # given an order paid 20,000 đồng too much
    seller = factories.producer()
    order = factories.order(groups=[(seller, 150_000, 30_000)])
    transaction = reconciliation.bank_transfer_mark_received(
        actor=staff_user, order=order, amount=200_000, bank_reference="FT-OVER"
    )
    assert balance(seller) == 180_000

    # when the excess is sent back
    refund(staff_user, transaction, 20_000)

    # then the producers' money is untouched
    assert balance(seller) == 180_000
    assert not LedgerEntry.objects.filter(kind=K.REFUND).exists()

    # when 18,000 more is refunded, a tenth of the order is reversed
    refund(staff_user, transaction, 18_000)
    assert amounts(seller, K.REFUND) == {K.REFUND: -18_000}


def test_the_same_refund_reverses_once(two_producer_order, staff_user):
    # given a refund already reversed
    order, transaction, _household, _cooperative = two_producer_order
    refund(staff_user, transaction, 81_150)
    before = LedgerEntry.objects.count()
    order.refresh_from_db()
    event = transaction.events.get(type=TransactionEventType.REFUND_SUCCESS)

    # when the reversal runs again for the same event
    written = ledger.ledger_post_refund(order=order, event=event)

    # then nothing more is written
    assert written == []
    assert LedgerEntry.objects.count() == before


def test_refund_of_money_already_paid_out_leaves_a_negative_balance_carried_forward(
    payment_settings, staff_user
):
    # given an order delivered past the return window and paid out to its producer
    seller = factories.producer()
    order = factories.order(groups=[(seller, 150_000, 30_000)])
    transaction = reconciliation.bank_transfer_mark_received(
        actor=staff_user, order=order, amount=180_000, bank_reference="FT-PAID"
    )
    factories.deliver(
        order.fulfillment_groups.get(), when=timezone.now() - datetime.timedelta(days=10)
    )
    ledger.payout_record(actor=staff_user, producer=seller, amount=180_000, reference="UNC-9")

    # when half of the order is refunded
    refund(staff_user, transaction, 90_000)

    # then the producer owes it back: the payable balance is negative
    assert ledger.producer_balance(producer=seller) == {"payable": -90_000, "pending": 0}
    with pytest.raises(DomainError) as error:
        ledger.payout_record(actor=staff_user, producer=seller, amount=1, reference="UNC-10")
    assert error.value.code == "PAYOUT_EXCEEDS_BALANCE"

    # and this month's statement shows the refund and closes negative
    today = timezone.localdate()
    statement = selectors.producer_statement(producer=seller, year=today.year, month=today.month)
    # (no commission rate: the 0-đồng commission has nothing to reverse)
    kinds = [entry.kind for entry in statement.entries]
    assert kinds == [K.REVENUE, K.COMMISSION, K.PAYOUT, K.REFUND]
    assert statement.closing_balance == -90_000

    # and next month opens with it
    following = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    later = selectors.producer_statement(
        producer=seller, year=following.year, month=following.month
    )
    assert (later.opening_balance, later.entries, later.closing_balance) == (-90_000, [], -90_000)


def test_cod_refund_reverses_the_ledger(payment_settings, staff_user):
    # given a COD order whose cash was collected
    seller = factories.producer()
    order = factories.order(groups=[(seller, 150_000, 30_000)])
    services.transaction_initialize(actor=None, order=order, gateway_id=cod_gateway.id)
    factories.deliver(order.fulfillment_groups.get())
    services.fulfillment_group_cash_collect(
        actor=staff_user, group_id=order.fulfillment_groups.get().pk
    )

    # when the cash is handed back in full
    refund(staff_user, order.transactions.get(), None)

    # then the producer's entries for the order net to zero
    assert balance(seller) == 0
    assert amounts(seller, K.REFUND) == {K.REFUND: -180_000}


def post_stripe(client, event_id, event_type, obj):
    payload = stripe_event(event_id, event_type, obj)
    return client.post(
        STRIPE_URL,
        payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=stripe_signature(payload),
    )


def test_stripe_refunds_reverse_once_through_the_api_and_the_webhook(
    client, stripe_settings, staff_user
):
    # given a card payment
    seller = factories.producer()
    order = factories.order(groups=[(seller, 150_000, 30_000)])
    transaction, _event, _data = services.transaction_initialize(
        actor=None,
        order=order,
        gateway_id=stripe_gateway.id,
        data={"paymentMethod": "pm_card_visa"},
    )
    services.transaction_process(actor=None, transaction=transaction)
    assert balance(seller) == 180_000

    # when staff refund 90,000 at Stripe, and Stripe then reports that refund by webhook
    refund(staff_user, transaction, 90_000)
    charge = {
        "id": "ch_1",
        "object": "charge",
        "payment_intent": transaction.psp_reference,
        "currency": "vnd",
        "amount_refunded": 90_000,
    }
    reported = post_stripe(client, "evt_refund_1", "charge.refunded", charge)

    # then half is reversed, once
    assert reported.status_code == 200
    assert amounts(seller, K.REFUND) == {K.REFUND: -90_000}

    # when a further refund made in Stripe's dashboard arrives, twice
    charge["amount_refunded"] = 180_000
    post_stripe(client, "evt_refund_2", "charge.refunded", charge)
    post_stripe(client, "evt_refund_2", "charge.refunded", charge)

    # then the rest is reversed once, and the producer is owed nothing for the order
    assert LedgerEntry.objects.filter(kind=K.REFUND).count() == 2
    assert balance(seller) == 0


def test_money_totals_and_statement_lines_net_refunds_of_payouts(two_producer_order, staff_user):
    # given the household's part delivered past the return window, a third refunded and
    # 50,000 đồng paid out
    order, transaction, household, cooperative = two_producer_order
    factories.deliver(
        order.fulfillment_groups.get(producer=household),
        when=timezone.now() - datetime.timedelta(days=10),
    )
    refund(staff_user, transaction, 81_150)
    ledger.payout_record(actor=staff_user, producer=household, amount=50_000, reference="UNC-T")

    # when the totals, this month's statement and the payouts are read
    totals = selectors.ledger_totals_for_producer(producer=household)
    today = timezone.localdate()
    statement = selectors.producer_statement(producer=household, year=today.year, month=today.month)
    payouts = list(selectors.payouts_latest_for_producer(producer=household))

    # then commission and withheld tax are net of their reversals, signed like the ledger
    assert totals == {
        "revenue": 143_450,
        "refunds": -47_817,
        "commission": -2_469,  # -3,704 + 1,235
        "withheld_tax": -1_234,  # -1,235 - 617 + 412 + 206
        "payouts": -50_000,
    }
    assert statement.totals == totals
    assert statement.lines[-1][1] == statement.closing_balance == 41_930
    assert [line[1] for line in statement.lines[:2]] == [143_450, 139_746]
    assert [(payout.reference, payout.paid_amount) for payout in payouts] == [("UNC-T", 50_000)]
    # and the other producer's money is its own
    assert selectors.ledger_totals_for_producer(producer=cooperative)["payouts"] == 0
    assert selectors.ledger_totals_for_producer(producer=cooperative)["revenue"] == 100_000
