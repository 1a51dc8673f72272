"""The workspace's money page: balance, totals, a month's statement with downloads and the
payouts, for the producer's members only."""

from __future__ import annotations

import csv
import datetime
import io
import re
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from backend.payments import ledger, reconciliation
from backend.payments.models import CommissionRate, LedgerEntry, TransactionAction
from backend.payments.services import transaction_request_action
from producers.models import LegalForm, Producer
from tests.backend.payments import factories
from tests.backend.payments.fixtures import payment_settings
from tests.conftest import client_for

pytestmark = pytest.mark.django_db
__all__ = ["payment_settings"]

TODAY = timezone.localdate
POSTED = ["revenue", "commission", "vat_withheld", "pit_withheld"]  # a household's paid order


def money_url(producer: Producer, month: str | None = None) -> str:
    path = reverse("producers:workspace-money", kwargs={"slug": producer.slug})
    return path if month is None else f"{path}?month={month}"


def figure(body: str, name: str) -> str:
    """The text of the ``data-figure="name"`` amount on the page."""
    found = re.search(rf'data-figure="{name}">(?:<strong>)?([^<]*)<', body)
    assert found, name
    return found.group(1)


def kinds(body: str) -> list[str]:
    """The kinds of the statement's lines, in order."""
    return re.findall(r'<tr data-kind="(\w+)">', body)


def previous_month() -> datetime.date:
    return (TODAY().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


@pytest.fixture
def money(payment_settings: Any, staff_user: Any, producer_a: Any, producer_b: Any) -> Any:
    """Producers A and B, created two months ago, on a 5% commission; A is a household
    business (1% VAT and 0.5% PIT withheld). Last month: order 1 (A 200,000 + 20,000
    shipping, delivered ten days ago; B 80,000) was paid, then 10% of it refunded. This
    month: order 2 (A 100,000, not delivered) was paid and A was paid out 150,000."""
    CommissionRate.objects.create(
        producer=None, percent=Decimal("5"), valid_from=datetime.date(2025, 1, 1)
    )
    Producer.objects.unscoped().filter(pk__in=[producer_a.pk, producer_b.pk]).update(
        created_at=timezone.now() - datetime.timedelta(days=70)
    )
    Producer.objects.unscoped().filter(pk=producer_a.pk).update(legal_form=LegalForm.HO_KINH_DOANH)
    producer_a.refresh_from_db()
    first = factories.order(groups=[(producer_a, 200_000, 20_000), (producer_b, 80_000, 0)])
    transaction = reconciliation.bank_transfer_mark_received(
        actor=staff_user, order=first, amount=300_000, bank_reference="FT-W1"
    )
    factories.deliver(
        first.fulfillment_groups.get(producer=producer_a),
        when=timezone.now() - datetime.timedelta(days=10),
    )
    transaction_request_action(
        actor=staff_user, transaction=transaction, action=TransactionAction.REFUND, amount=30_000
    )
    last_month = timezone.make_aware(
        datetime.datetime.combine(previous_month() + datetime.timedelta(days=5), datetime.time(12))
    )
    LedgerEntry.objects.filter(order=first).update(created_at=last_month)
    second = factories.order(groups=[(producer_a, 100_000, 0)])
    reconciliation.bank_transfer_mark_received(
        actor=staff_user, order=second, amount=100_000, bank_reference="FT-W2"
    )
    ledger.payout_record(
        actor=staff_user,
        producer=producer_a,
        amount=150_000,
        reference="UNC-2025-07",
        paid_on=TODAY(),
    )
    return {"first": first, "second": second}


def test_member_sees_balance_totals_statement_and_payouts(
    money: Any, member_a: Any, producer_a: Any
) -> None:
    # when A's member opens the money page (this month by default)
    response = client_for(member_a).get(money_url(producer_a))

    # then the balance: last month's delivered order less its refund and the payout is
    # payable (220,000 - 10,000 - 2,000 - 1,000 - 22,000 + 1,000 + 200 + 100 - 150,000);
    # this month's undelivered order is pending (100,000 - 5,000 - 1,000 - 500)
    assert response.status_code == 200
    body = response.content.decode()
    assert figure(body, "payable") == "36.300 ₫"
    assert figure(body, "pending") == "93.500 ₫"
    # and the totals since A started selling, net of the refund's reversals
    assert figure(body, "revenue") == "320.000 ₫"
    assert figure(body, "refunds") == "-22.000 ₫"
    assert figure(body, "commission") == "-14.000 ₫"
    assert figure(body, "withheld-tax") == "-4.200 ₫"
    assert figure(body, "payouts") == "-150.000 ₫"
    # and this month's statement opens with last month's closing balance
    assert figure(body, "opening") == "186.300 ₫"
    assert figure(body, "closing") == "129.800 ₫"
    assert kinds(body) == [*POSTED, "payout"]
    assert f"<td>#{money['second'].number}</td>" in body
    assert "<td>UNC-2025-07</td>" in body
    # and the payouts list the amount sent, positive
    assert '<td class="num">150.000 ₫</td>' in body
    # and nothing of producer B's
    assert "80.000" not in body and "-8.000" not in body


def test_previous_month_shows_the_refund_and_its_closing_balance(
    money: Any, member_a: Any, producer_a: Any
) -> None:
    # when A's member picks last month
    month = previous_month()
    response = client_for(member_a).get(money_url(producer_a, f"{month:%Y-%m}"))

    # then its statement: the paid order and the 10% refund's reversals
    body = response.content.decode()
    assert response.status_code == 200
    assert f"{month:%m/%Y}" in body
    assert figure(body, "opening") == "0 ₫"
    assert figure(body, "closing") == "186.300 ₫"
    assert kinds(body) == [
        *POSTED,
        "refund",
        "commission_reversal",
        "vat_withheld_reversal",
        "pit_withheld_reversal",
    ]
    assert f"<td>#{money['first'].number}</td>" in body
    assert '<td class="num">-22.000 ₫</td>' in body
    # and the picker offers the months since the producer was created, this one first
    assert re.findall(r'<option value="(\d{4}-\d{2})"', body)[:2] == [
        f"{TODAY():%Y-%m}",
        f"{month:%Y-%m}",
    ]
    assert f'<option value="{month:%Y-%m}" selected>' in body


def test_statement_download_links_serve_the_shown_month_to_the_member(
    money: Any, member_a: Any, member_b: Any, producer_a: Any
) -> None:
    # given the links on last month's page
    month = previous_month()
    body = client_for(member_a).get(money_url(producer_a, f"{month:%Y-%m}")).content.decode()
    links = re.findall(r'href="(/payments/statements/[^"]+)"', body)
    csv_link, xlsx_link = links

    # when A's member downloads them
    csv_response = client_for(member_a).get(csv_link)
    xlsx_response = client_for(member_a).get(xlsx_link)

    # then they are last month's statement of A
    assert csv_link.endswith(f"/{producer_a.pk}/{month.year}-{month.month}.csv")
    assert csv_response.status_code == xlsx_response.status_code == 200
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert rows[-1][-2] == "186300"
    assert len(rows) == 1 + 1 + 8 + 1  # header, opening, entries, closing
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    assert sheet is not None
    assert sheet.cell(row=1, column=1).value == producer_a.legal_name
    assert sheet.cell(row=sheet.max_row, column=6).value == 186_300


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("who", "status"), [("member_b", 404), ("shopper", 403), ("official", 403), ("anonymous", 403)]
)
def test_others_cannot_download_the_producers_statements(
    money: Any, actors: Any, producer_a: Any, who: str, status: int, fmt: str
) -> None:
    # given the link A's page shows for last month
    month = previous_month()
    link = reverse(
        "payments:producer-statement",
        kwargs={"producer_id": producer_a.pk, "year": month.year, "month": month.month, "fmt": fmt},
    )

    # when someone else follows it
    response = client_for(actors[who]).get(link)

    # then it is refused, with nothing of A's in the answer
    assert response.status_code == status
    assert response.content == b""


@pytest.mark.parametrize("who", ["member_b", "shopper", "official"])
def test_others_get_404_and_nothing_of_the_producers_money(
    money: Any, actors: Any, producer_a: Any, who: str
) -> None:
    # when a member of another producer (or a user of no producer) opens A's money page
    response = client_for(actors[who]).get(money_url(producer_a, f"{previous_month():%Y-%m}"))

    # then not found, and none of A's figures
    assert response.status_code == 404
    body = response.content.decode()
    assert "186.300" not in body and "UNC-2025-07" not in body and producer_a.name not in body


def test_member_b_sees_only_producer_bs_money(money: Any, member_b: Any, producer_b: Any) -> None:
    # when B's member opens B's money page for last month
    response = client_for(member_b).get(money_url(producer_b, f"{previous_month():%Y-%m}"))

    # then only B's part of order 1: 80,000 - 4,000 commission, less 10% refunded
    body = response.content.decode()
    assert figure(body, "closing") == "68.400 ₫"
    assert figure(body, "payouts") == "0 ₫"
    assert "UNC-2025-07" not in body and "-22.000" not in body


def test_anonymous_is_sent_to_sign_in(producer_a: Any) -> None:
    # when someone not signed in opens the money page
    page = money_url(producer_a)
    response = client_for(None).get(page)

    # then they are redirected to the sign-in page, coming back here after
    assert response.status_code == 302
    assert response["Location"].startswith(settings.LOGIN_URL)
    assert "next=" in response["Location"]


@pytest.mark.parametrize(
    "month",
    [
        "2025-13",
        "2025-1",
        "abc",
        "2025-01' OR 1=1",
        "9999-99",
        "2000-01",  # before the producer existed
        "NEXT",  # replaced by next month below
        "",
    ],
)
def test_a_bad_month_is_a_clear_error_not_a_statement(
    money: Any, member_a: Any, producer_a: Any, month: str
) -> None:
    # given a month that is malformed, impossible, before the producer or in the future
    if month == "NEXT":
        month = f"{(TODAY().replace(day=28) + datetime.timedelta(days=4)):%Y-%m}"

    # when A's member asks for it
    response = client_for(member_a).get(money_url(producer_a, month))

    # then 400 with a message saying why, the picker to choose again, and no statement
    assert response.status_code == 400
    body = response.content.decode()
    expected = "Hãy chọn một tháng." if month == "" else "Tháng không hợp lệ"
    assert expected in body
    assert 'name="month"' in body
    assert 'data-figure="opening"' not in body and "/payments/statements/" not in body
    # and the balance is still shown
    assert figure(body, "payable") == "36.300 ₫"


def test_the_page_is_translated_into_english(money: Any, member_a: Any, producer_a: Any) -> None:
    # when A's member reads the page in English
    response = client_for(member_a).get(money_url(producer_a), HTTP_ACCEPT_LANGUAGE="en")
    bad = client_for(member_a).get(money_url(producer_a, "abc"), HTTP_ACCEPT_LANGUAGE="en")

    # then the labels are English and the amounts still whole đồng
    body = response.content.decode()
    assert "<h1>Money</h1>" in body
    assert "Payable now" in body and "Download CSV" in body
    assert figure(body, "payable") == "36.300 ₫"
    assert "Invalid month" in bad.content.decode()


def test_the_page_uses_a_constant_number_of_queries(
    money: Any,
    member_a: Any,
    producer_a: Any,
    staff_user: Any,
    django_assert_num_queries: Any,
) -> None:
    # given many more sales and payouts this month
    client = client_for(member_a)
    client.get(money_url(producer_a))
    for index in range(5):
        order = factories.order(groups=[(producer_a, 10_000, 0)])
        reconciliation.bank_transfer_mark_received(
            actor=staff_user, order=order, amount=10_000, bank_reference=f"FT-Q{index}"
        )
        factories.deliver(
            order.fulfillment_groups.get(), when=timezone.now() - datetime.timedelta(days=10)
        )
        ledger.payout_record(
            actor=staff_user, producer=producer_a, amount=1_000, reference=f"UNC-Q{index}"
        )

    # when / then: session, user, staff group, producer, memberships, ledger's producer,
    # statement (2), balance (2), totals, payouts
    with django_assert_num_queries(12):
        response = client.get(money_url(producer_a))
    assert response.status_code == 200
