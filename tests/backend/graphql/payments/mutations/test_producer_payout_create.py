"""producerPayoutCreate: staff record a payout, never more than is payable."""

import datetime
import json

import pytest
from django.utils import timezone
from graphql_relay import to_global_id

from backend.payments import ledger, reconciliation
from backend.payments.models import LedgerEntry, LedgerEntryKind
from tests.backend.payments import factories
from tests.conftest import client_for, content

pytestmark = pytest.mark.django_db

PAYOUT_CREATE = """
mutation Payout($input: ProducerPayoutCreateInput!) {
  producerPayoutCreate(input: $input) {
    payout { kind amount { amount } reference paidOn }
    balance { payable { amount } pending { amount } }
    errors { field code message }
  }
}
"""


@pytest.fixture
def payable(payment_settings, staff_user, producer_a):
    """100,000 đồng payable to producer A (delivered past the return window)."""
    order = factories.order(groups=[(producer_a, 100_000, 0)])
    reconciliation.bank_transfer_mark_received(
        actor=staff_user, order=order, amount=100_000, bank_reference="FT-P1"
    )
    factories.deliver(
        order.fulfillment_groups.get(), when=timezone.now() - datetime.timedelta(days=30)
    )
    return producer_a


def payout_input(seller, **overrides):
    return {
        "producer": to_global_id("Producer", seller.pk),
        "amount": 60_000,
        "reference": "UNC-2026-001",
        **overrides,
    }


def payouts():
    return LedgerEntry.objects.filter(kind=LedgerEntryKind.PAYOUT).count()


def test_staff_record_a_payout(payable, staff_api_client):
    # when staff record 60,000 paid yesterday
    yesterday = str(timezone.localdate() - datetime.timedelta(days=1))
    response = staff_api_client.post_graphql(
        PAYOUT_CREATE, {"input": payout_input(payable, paidOn=yesterday)}
    )

    # then the payout is in the ledger and 40,000 remains payable
    data = content(response)["data"]["producerPayoutCreate"]
    assert data["errors"] == []
    assert data["payout"] == {
        "kind": "PAYOUT",
        "amount": {"amount": -60_000},
        "reference": "UNC-2026-001",
        "paidOn": yesterday,
    }
    assert data["balance"] == {"payable": {"amount": 40_000}, "pending": {"amount": 0}}
    assert ledger.producer_balance(producer=payable)["payable"] == 40_000


@pytest.mark.parametrize("who", ["anonymous", "shopper", "official", "member_a", "member_b"])
def test_only_staff_record_payouts(payable, actors, who):
    # when anyone else tries
    body = json.loads(
        client_for(actors[who])
        .post_graphql(PAYOUT_CREATE, {"input": payout_input(payable)})
        .content
    )

    # then a top-level permission error, and nothing written
    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert payouts() == 0


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"amount": 0}, "amount", "INVALID"),
        ({"amount": 1000.5}, "amount", "INVALID"),
        ({"amount": 100_001}, "amount", "PAYOUT_EXCEEDS_BALANCE"),
        ({"reference": "   "}, "reference", "REQUIRED"),
        ({"reference": "U" * 256}, "reference", "INVALID"),
        ({"paidOn": "2999-01-01"}, "paidOn", "INVALID"),
        ({"producer": to_global_id("Producer", 999_999)}, "producer", "NOT_FOUND"),
        ({"producer": to_global_id("Order", 1)}, "producer", "GRAPHQL_ERROR"),
    ],
)
def test_bad_payouts_are_refused_and_write_nothing(
    payable, staff_api_client, overrides, field, code
):
    # when staff record a payout that cannot be right
    response = staff_api_client.post_graphql(
        PAYOUT_CREATE, {"input": payout_input(payable, **overrides)}
    )

    # then a clear error, and the ledger is unchanged
    data = content(response)["data"]["producerPayoutCreate"]
    assert [(error["field"], error["code"]) for error in data["errors"]] == [(field, code)]
    assert data["errors"][0]["message"]
    assert data["payout"] is None
    assert payouts() == 0


def test_the_same_transfer_is_recorded_once(payable, staff_api_client):
    # given a payout recorded
    staff_api_client.post_graphql(PAYOUT_CREATE, {"input": payout_input(payable, amount=10_000)})

    # when the same reference is recorded again
    response = staff_api_client.post_graphql(
        PAYOUT_CREATE, {"input": payout_input(payable, amount=10_000)}
    )

    # then UNIQUE, and one payout
    errors = content(response)["data"]["producerPayoutCreate"]["errors"]
    assert [(error["field"], error["code"]) for error in errors] == [("reference", "UNIQUE")]
    assert payouts() == 1


def test_negative_amount_is_refused_by_the_schema(payable, staff_api_client):
    # when
    body = json.loads(
        staff_api_client.post_graphql(
            PAYOUT_CREATE, {"input": payout_input(payable, amount=-5)}
        ).content
    )

    # then the request is invalid as a whole, and nothing is written
    assert "PositiveDecimal cannot represent" in body["errors"][0]["message"]
    assert payouts() == 0
