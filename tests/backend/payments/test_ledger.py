import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from backend.core.errors import DomainError
from backend.payments import ledger, reconciliation, selectors, statements
from backend.payments.demo import load_demo_payments
from backend.payments.models import CommissionRate, LedgerEntry, LedgerEntryKind, TransactionItem
from producers.models import LegalForm, MemberRole, ProducerMember
from tests.backend.payments import factories
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_paid_order_posts_commission_and_decree_117_withholding(payment_settings, staff_user):
    # given a household producer with its own commission, and a cooperative on the default
    CommissionRate.objects.create(
        producer=None, percent=Decimal("5"), valid_from=datetime.date(2025, 1, 1)
    )
    household = factories.producer(legal_form=LegalForm.HO_KINH_DOANH)
    CommissionRate.objects.create(
        producer=household, percent=Decimal("3"), valid_from=datetime.date(2025, 1, 1)
    )
    cooperative = factories.producer()
    order = factories.order(groups=[(household, 123_450, 20_000), (cooperative, 100_000, 0)])

    # when the order is paid
    reconciliation.bank_transfer_mark_received(
        actor=staff_user, order=order, amount=order.total_amount, bank_reference="FT1"
    )

    # then the household's entries are withheld at 1% VAT and 0.5% PIT, rounded half-up
    amounts = dict(LedgerEntry.objects.filter(producer=household).values_list("kind", "amount"))
    assert amounts == {
        LedgerEntryKind.REVENUE: 143_450,
        LedgerEntryKind.COMMISSION: -3_704,  # 3% of 123,450 = 3,703.5
        LedgerEntryKind.VAT_WITHHELD: -1_235,  # 1,234.5
        LedgerEntryKind.PIT_WITHHELD: -617,  # 617.25
    }
    cooperative_kinds = set(
        LedgerEntry.objects.filter(producer=cooperative).values_list("kind", flat=True)
    )
    assert cooperative_kinds == {LedgerEntryKind.REVENUE, LedgerEntryKind.COMMISSION}


def test_payout_only_after_delivery_and_return_window(payment_settings, staff_user):
    # given a paid order whose group was delivered 3 days ago (window: 7 days)
    seller = factories.producer()
    order = factories.order(groups=[(seller, 100_000, 0)])
    reconciliation.bank_transfer_mark_received(
        actor=staff_user, order=order, amount=100_000, bank_reference="FT2"
    )
    group = factories.deliver(
        order.fulfillment_groups.get(), when=timezone.now() - datetime.timedelta(days=3)
    )

    # when staff try to pay out, then nothing is payable yet
    with pytest.raises(DomainError) as error:
        ledger.payout_record(actor=staff_user, producer=seller, amount=1, reference="UNC-1")
    assert error.value.code == "PAYOUT_EXCEEDS_BALANCE"

    # when the window has passed, the payout is recorded up to the balance
    factories.deliver(group, when=timezone.now() - datetime.timedelta(days=8))
    assert ledger.producer_balance(producer=seller)["payable"] == 100_000
    ledger.payout_record(actor=staff_user, producer=seller, amount=100_000, reference="UNC-1")
    assert ledger.producer_balance(producer=seller) == {"payable": 0, "pending": 0}


def test_monthly_statement_exports_csv_and_xlsx(payment_settings, staff_user):
    # given a paid order this month
    seller = factories.producer()
    order = factories.order(groups=[(seller, 100_000, 0)])
    reconciliation.bank_transfer_mark_received(
        actor=staff_user, order=order, amount=100_000, bank_reference="FT3"
    )
    today = timezone.localdate()

    # when the statement is exported
    statement = selectors.producer_statement(producer=seller, year=today.year, month=today.month)
    text = statements.statement_csv(statement).decode("utf-8-sig")
    sheet = load_workbook(io.BytesIO(statements.statement_xlsx(statement))).active

    # then both carry the entries and the closing balance
    assert "Doanh thu" in text and "100000" in text
    assert statement.closing_balance == 100_000
    assert sheet.max_row == 2 + len(statement.entries) + 2


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 403), ("shopper", 403), ("other_member", 404), ("member", 200), ("staff", 200)],
)
def test_statement_download_is_for_the_producers_members_and_staff(
    client, payment_settings, user, staff_user, who, status
):
    # given a producer with a member, and a member of another producer
    seller = factories.producer()
    other = factories.producer()
    member = make_user("owner@seller.example")
    ProducerMember.objects.create(producer=seller, user=member, role=MemberRole.OWNER)
    outsider = make_user("owner@other.example")
    ProducerMember.objects.create(producer=other, user=outsider, role=MemberRole.OWNER)
    actors = {"shopper": user, "other_member": outsider, "member": member, "staff": staff_user}
    if who in actors:
        client.force_login(actors[who])

    # when
    response = client.get(f"/payments/statements/{seller.pk}/2026-01.xlsx")

    # then
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_demo_payments_are_idempotent(payment_settings):
    # given two unpaid orders
    factories.order()
    factories.order()

    # when the demo loads twice
    load_demo_payments()
    load_demo_payments()

    # then one commission row and one transaction per order exist
    assert CommissionRate.objects.count() == 1
    assert sorted(TransactionItem.objects.values_list("gateway", flat=True)) == [
        "ocop.payments.cod",
        "ocop.payments.vietqr",
    ]
