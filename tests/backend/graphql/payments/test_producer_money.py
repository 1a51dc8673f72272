"""Producer money over GraphQL: balance, ledger entries, payouts and monthly statements,
readable by the producer's members and staff only."""

import datetime
import io
import json
from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.utils import timezone
from graphql_relay import to_global_id
from openpyxl import load_workbook

from backend.payments import ledger, reconciliation
from backend.payments.models import TransactionAction
from backend.payments.services import transaction_request_action
from producers.models import ProducerMember
from tests.backend.payments import factories
from tests.conftest import client_for, content

pytestmark = pytest.mark.django_db

BALANCE = """
query Balance($producer: ID!) {
  producerBalance(producer: $producer) {
    producer { name }
    payable { amount currency }
    pending { amount }
    total { amount }
  }
}
"""

ENTRIES = """
query Entries($producer: ID!, $first: Int, $after: String, $kinds: [ProducerLedgerEntryKindEnum!]) {
  producerLedgerEntries(producer: $producer, first: $first, after: $after,
                        filter: {kinds: $kinds}) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id kind amount { amount } orderNumber ratePercent reference paidOn } }
  }
}
"""

PAYOUTS = """
query Payouts($producer: ID!) {
  producerPayouts(producer: $producer, first: 10) {
    edges { node { kind amount { amount } reference paidOn } }
  }
}
"""

STATEMENT = """
query Statement($producer: ID!, $year: Int!, $month: Int!) {
  producerStatement(producer: $producer, year: $year, month: $month) {
    month
    openingBalance { amount }
    closingBalance { amount }
    entries { kind amount { amount } }
    csvUrl
    xlsxUrl
  }
}
"""

QUERIES = {
    "producerBalance": BALANCE,
    "producerLedgerEntries": ENTRIES,
    "producerPayouts": PAYOUTS,
    "producerStatement": STATEMENT,
}


def producer_id(producer):
    return to_global_id("Producer", producer.pk)


def variables_for(producer):
    today = timezone.localdate()
    return {
        "producer": producer_id(producer),
        "first": 10,
        "year": today.year,
        "month": today.month,
    }


@pytest.fixture
def sales(payment_settings, staff_user, producer_a, producer_b):
    """One paid order from producers A (100,000, delivered long ago, 60,000 paid out) and
    B (50,000)."""
    order = factories.order(groups=[(producer_a, 100_000, 0), (producer_b, 50_000, 0)])
    reconciliation.bank_transfer_mark_received(
        actor=staff_user, order=order, amount=150_000, bank_reference="FT-M1"
    )
    group_a = order.fulfillment_groups.get(producer=producer_a)
    factories.deliver(group_a, when=timezone.now() - datetime.timedelta(days=30))
    ledger.payout_record(
        actor=staff_user,
        producer=producer_a,
        amount=60_000,
        reference="UNC-A1",
        paid_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    return order


def post(user, query, variables):
    return json.loads(client_for(user).post_graphql(query, variables).content)


@pytest.mark.parametrize("field", list(QUERIES))
@pytest.mark.parametrize(
    ("who", "outcome"),
    [
        ("anonymous", "denied"),
        ("shopper", "denied"),
        ("official", "denied"),
        ("member_b", "null"),
        ("member_a", "data"),
        ("staff", "data"),
    ],
)
def test_producer_money_is_for_its_members_and_staff(
    sales, actors, producer_a, field, who, outcome
):
    # given producer A's sales, and someone asking about them
    # when
    body = post(actors[who], QUERIES[field], variables_for(producer_a))

    # then members of A and staff read it; B's members get nothing; others a permission error
    if outcome == "denied":
        assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
        assert body["data"][field] is None
    elif outcome == "null":
        assert "errors" not in body
        assert body["data"][field] is None
    else:
        assert "errors" not in body
        assert body["data"][field] is not None


def test_balance_of_a_producer(sales, member_a, producer_a):
    # when producer A's member asks for its balance
    body = post(member_a, BALANCE, variables_for(producer_a))

    # then 100,000 earned and payable, 60,000 paid out
    assert body["data"]["producerBalance"] == {
        "producer": {"name": producer_a.name},
        "payable": {"amount": 40_000, "currency": "VND"},
        "pending": {"amount": 0},
        "total": {"amount": 40_000},
    }


def test_ledger_entries_are_the_producers_own_newest_first_and_filtered(
    sales, member_a, producer_a
):
    # when A's member lists its ledger, then payouts only
    body = post(member_a, ENTRIES, variables_for(producer_a))
    payouts = post(member_a, ENTRIES, {**variables_for(producer_a), "kinds": ["PAYOUT"]})

    # then A's revenue, commission (0%) and payout, newest first; nothing of B's
    nodes = [edge["node"] for edge in body["data"]["producerLedgerEntries"]["edges"]]
    assert [(node["kind"], node["amount"]["amount"]) for node in nodes] == [
        ("PAYOUT", -60_000),
        ("COMMISSION", 0),
        ("REVENUE", 100_000),
    ]
    assert nodes[2]["orderNumber"] == str(sales.number)
    assert body["data"]["producerLedgerEntries"]["totalCount"] == 3
    (payout,) = payouts["data"]["producerLedgerEntries"]["edges"]
    assert payout["node"]["paidOn"] == str(timezone.localdate() - datetime.timedelta(days=1))


def test_payouts_list(sales, producer_a, staff_user):
    # when staff list A's payouts
    body = post(staff_user, PAYOUTS, variables_for(producer_a))

    # then the one payout with its reference and date
    (edge,) = body["data"]["producerPayouts"]["edges"]
    assert edge["node"]["reference"] == "UNC-A1"
    assert edge["node"]["amount"] == {"amount": -60_000}


@pytest.mark.parametrize("size", [2, 8])
def test_ledger_entries_query_count_does_not_grow_with_the_page(
    payment_settings, staff_user, producer_a, member_a, size, django_assert_num_queries
):
    # given `size` paid orders for producer A
    for number in range(size):
        order = factories.order(groups=[(producer_a, 10_000, 0)])
        reconciliation.bank_transfer_mark_received(
            actor=staff_user, order=order, amount=10_000, bank_reference=f"FT-Q{number}"
        )
    client = client_for(member_a)

    # when its member lists every entry
    with django_assert_num_queries(6):
        response = client.post_graphql(ENTRIES, {"producer": producer_id(producer_a), "first": 100})

    # then
    assert content(response)["data"]["producerLedgerEntries"]["totalCount"] == 2 * size


def test_ledger_entries_pages_by_cursor(sales, member_a, producer_a):
    # when A's member pages one entry at a time
    seen = []
    after = None
    while True:
        page = post(
            member_a, ENTRIES, {"producer": producer_id(producer_a), "first": 1, "after": after}
        )["data"]["producerLedgerEntries"]
        seen += [edge["node"]["id"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]

    # then every entry once
    assert len(seen) == len(set(seen)) == 3


def test_statement_with_refunds_and_download_links(sales, member_a, producer_a, staff_user):
    # given a refund of half of the order
    transaction_request_action(
        actor=staff_user,
        transaction=sales.transactions.get(),
        action=TransactionAction.REFUND,
        amount=75_000,
    )

    # when A's member reads this month's statement
    statement = post(member_a, STATEMENT, variables_for(producer_a))["data"]["producerStatement"]

    # then the refund is in it and the balance is carried
    assert statement["month"] == str(timezone.localdate().replace(day=1))
    assert statement["openingBalance"] == {"amount": 0}
    assert [entry["kind"] for entry in statement["entries"]] == [
        "REVENUE",
        "COMMISSION",
        "PAYOUT",
        "REFUND",
    ]
    assert statement["closingBalance"] == {"amount": -10_000}  # 100,000 - 60,000 - 50,000

    # and its links download without a session (an API client has only its token)
    anonymous = client_for(None)
    csv_response = anonymous.get(statement["csvUrl"])
    xlsx_response = anonymous.get(statement["xlsxUrl"])
    assert csv_response.status_code == 200
    assert "Hoàn tiền cho khách" in csv_response.content.decode("utf-8-sig")
    assert csv_response["Cache-Control"] == "private, no-store, max-age=0"
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    assert sheet.cell(row=1, column=1).value == producer_a.legal_name


def test_statement_links_are_refused_when_tampered_expired_or_access_is_gone(
    sales, member_a, producer_a, producer_b
):
    # given a link for A's statement
    url = post(member_a, STATEMENT, variables_for(producer_a))["data"]["producerStatement"][
        "csvUrl"
    ]
    parts = urlsplit(url)
    anonymous = client_for(None)

    # when it is pointed at B's statement, then not found
    other = parts.path.replace(f"/{producer_a.pk}/", f"/{producer_b.pk}/")
    assert anonymous.get(f"{other}?{parts.query}").status_code == 404

    # when its token is altered, then not found
    assert anonymous.get(f"{parts.path}?{parts.query}x").status_code == 404

    # when it is older than the link lifetime, then not found
    class Old(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(timezone.now().timestamp()) - 3600)

    today = timezone.localdate()
    stale = Old(salt="ocop.payments.statement-link").sign_object(
        {"p": producer_a.pk, "y": today.year, "m": today.month, "u": member_a.pk}
    )
    assert anonymous.get(parts.path, {"token": stale}).status_code == 404

    # when the member has left the producer, then forbidden
    ProducerMember.objects.for_producer(producer_a).filter(user=member_a).delete()
    assert anonymous.get(url).status_code == 403


@pytest.mark.parametrize(("year", "month"), [(2026, 13), (2026, 0), (1999, 5), (99999, 1)])
def test_statement_of_an_impossible_month_is_an_error(sales, member_a, producer_a, year, month):
    # when
    body = post(
        member_a, STATEMENT, {"producer": producer_id(producer_a), "year": year, "month": month}
    )

    # then a top-level error and no statement
    assert body["errors"][0]["message"] == "Tháng không hợp lệ."
    assert body["data"]["producerStatement"] is None


def test_malformed_producer_id_is_a_top_level_error(sales, member_a):
    # when
    body = post(member_a, BALANCE, {"producer": to_global_id("Order", 1)})

    # then
    assert "Expected: Producer" in body["errors"][0]["message"]
