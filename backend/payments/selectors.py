"""Payment reads, scoped to the acting user."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.checkout.info import checkout_info
from backend.checkout.models import Checkout
from backend.core.errors import NotFound, PermissionDenied
from backend.orders.models import Order
from backend.payments.gateways import Gateway, available_gateways
from backend.payments.models import BankNotice, LedgerEntry, LedgerEntryKind, TransactionItem
from producers.models import Producer
from producers.permissions import is_authenticated, is_reviewing_staff
from producers.selectors import member_producer_ids


def _may_see_order(actor: Any, order: Order, *, by_token: bool) -> bool:
    if getattr(actor, "is_authenticated", False) and (actor.is_staff or order.user_id == actor.pk):
        return True
    # Like Saleor, a guest order's secret token is its credential.
    return by_token and order.user_id is None


def order_get_for_payment(*, actor: Any, reference: str, field: str = "id") -> Order:
    """The order a payment mutation names: by its token (guests, owners) or by its number
    for its owner and staff. Others get NOT_FOUND (on ``field``)."""
    by_token = True
    try:
        order = Order.objects.filter(token=uuid.UUID(reference)).first()
    except ValueError:
        by_token = False
        order = Order.objects.filter(pk=int(reference)).first() if reference.isdigit() else None
    if order is None or not _may_see_order(actor, order, by_token=by_token):
        raise NotFound(_("Không tìm thấy đơn hàng."), field=field)
    return order


def transaction_get_for_user(*, actor: Any, token: str) -> TransactionItem:
    try:
        key = uuid.UUID(token)
    except ValueError:
        key = None
    item = (
        TransactionItem.objects.select_related("order").filter(token=key).first() if key else None
    )
    # The transaction token is a secret like the order token.
    if item is None or not _may_see_order(actor, item.order, by_token=True):
        raise NotFound(_("Không tìm thấy giao dịch."), field="id")
    return item


def checkout_get_for_payment(*, actor: Any, token: str) -> Checkout:
    try:
        checkout = Checkout.objects.filter(token=uuid.UUID(token)).first()
    except ValueError:
        checkout = None
    if checkout is None or (
        checkout.user_id is not None
        and not (getattr(actor, "is_authenticated", False) and checkout.user_id == actor.pk)
    ):
        raise NotFound(_("Không tìm thấy giỏ hàng."), field="id")
    return checkout


def gateways_for_checkout(checkout: Checkout, *, total: int | None = None) -> list[Gateway]:
    """The gateways that may pay the checkout's total: goods minus discount plus delivery,
    so COD's maximum is checked against what the courier will collect. Pass ``total`` when
    the checkout is priced already."""
    if total is None:
        total = checkout_info(checkout).total
    return available_gateways(amount=total)


def gateways_for_order(order: Order) -> list[Gateway]:
    return available_gateways(amount=order.total_amount)


def order_transactions(*, order: Order) -> QuerySet[TransactionItem]:
    return order.transactions.all()


def producer_get_for_ledger(*, actor: Any, producer_id: int) -> Producer:
    """A producer's ledger is private to its members and platform staff; anyone else gets
    PermissionDenied, and a member asking for another producer's ledger gets NotFound."""
    if not is_authenticated(actor):
        raise PermissionDenied()
    if not is_reviewing_staff(actor) and producer_id not in member_producer_ids(actor=actor):
        if not member_producer_ids(actor=actor):
            raise PermissionDenied()
        raise NotFound(_("Không tìm thấy nhà sản xuất."), field="producer")
    producer = Producer.objects.unscoped().filter(pk=producer_id).first()
    if producer is None:
        raise NotFound(_("Không tìm thấy nhà sản xuất."), field="producer")
    return producer


def ledger_entries_for_producer(
    *, producer: Producer, kinds: list[str] | None = None
) -> QuerySet[LedgerEntry]:
    """A producer's ledger lines (the caller checked access with
    ``producer_get_for_ledger``), with their orders."""
    entries = LedgerEntry.objects.filter(producer=producer).select_related("order")
    return entries.filter(kind__in=kinds) if kinds else entries


def payouts_for_producer(*, producer: Producer) -> QuerySet[LedgerEntry]:
    return ledger_entries_for_producer(producer=producer, kinds=[LedgerEntryKind.PAYOUT])


def payouts_latest_for_producer(*, producer: Producer, limit: int = 50) -> QuerySet[LedgerEntry]:
    """The ``limit`` latest payouts, newest first, each with ``paid_amount`` (the positive
    amount sent; the ledger line itself is negative)."""
    return (
        LedgerEntry.objects.filter(producer=producer, kind=LedgerEntryKind.PAYOUT)
        .annotate(paid_amount=-F("amount"))
        .order_by("-paid_on", "-pk")[:limit]
    )


# What a producer's money page sums up, and the ledger kinds each total is made of. Totals
# keep the ledger's sign: commission and withheld tax net of their reversals are negative.
MONEY_TOTALS: dict[str, tuple[LedgerEntryKind, ...]] = {
    "revenue": (LedgerEntryKind.REVENUE,),
    "refunds": (LedgerEntryKind.REFUND,),
    "commission": (LedgerEntryKind.COMMISSION, LedgerEntryKind.COMMISSION_REVERSAL),
    "withheld_tax": (
        LedgerEntryKind.VAT_WITHHELD,
        LedgerEntryKind.PIT_WITHHELD,
        LedgerEntryKind.VAT_WITHHELD_REVERSAL,
        LedgerEntryKind.PIT_WITHHELD_REVERSAL,
    ),
    "payouts": (LedgerEntryKind.PAYOUT,),
}


def ledger_totals_for_producer(*, producer: Producer) -> dict[str, int]:
    """All-time signed totals of the producer's ledger by ``MONEY_TOTALS`` (one query; the
    caller checked access with ``producer_get_for_ledger``)."""
    return LedgerEntry.objects.filter(producer=producer).aggregate(
        **{
            name: Coalesce(Sum("amount", filter=Q(kind__in=kinds)), 0)
            for name, kinds in MONEY_TOTALS.items()
        }
    )


def bank_notices_for_staff(
    *,
    actor: Any,
    statuses: list[str] | None = None,
    flags: list[str] | None = None,
    search: str = "",
) -> QuerySet[BankNotice]:
    """Bank notices, for staff only (PermissionDenied for anyone else). ``search`` matches
    the bank reference, the transfer description or the order number."""
    if not (is_authenticated(actor) and actor.is_staff):
        raise PermissionDenied()
    notices = BankNotice.objects.select_related("order", "transaction", "resolved_by")
    if statuses:
        notices = notices.filter(status__in=statuses)
    if flags:
        notices = notices.filter(flag__in=flags)
    text = search.strip().lstrip("#")
    if text:
        condition = Q(bank_reference__icontains=text) | Q(description__icontains=text)
        if text.isdigit():
            condition |= Q(order__number=int(text))
        notices = notices.filter(condition)
    return notices


@dataclass(frozen=True)
class Statement:
    producer: Producer
    month: datetime.date  # first day
    opening_balance: int
    entries: list[LedgerEntry]
    closing_balance: int

    @property
    def lines(self) -> list[tuple[LedgerEntry, int]]:
        """Each entry with the running balance after it, oldest first."""
        balance, lines = self.opening_balance, []
        for entry in self.entries:
            balance += entry.amount
            lines.append((entry, balance))
        return lines

    @property
    def totals(self) -> dict[str, int]:
        """The month's signed totals by ``MONEY_TOTALS``."""
        return {
            name: sum(entry.amount for entry in self.entries if entry.kind in kinds)
            for name, kinds in MONEY_TOTALS.items()
        }


def statement_month_valid(*, year: int, month: int) -> bool:
    """Whether a statement can exist for this month (the marketplace opened in 2025)."""
    return 2000 <= year <= 9998 and 1 <= month <= 12


def producer_statement(*, producer: Producer, year: int, month: int) -> Statement:
    """One calendar month (Việt Nam time) of a producer's ledger with running balances.
    Precondition: ``statement_month_valid(year=year, month=month)``."""
    zone = timezone.get_current_timezone()
    start = datetime.datetime(year, month, 1, tzinfo=zone)
    end = datetime.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=zone)
    entries = LedgerEntry.objects.filter(producer=producer)
    opening = entries.filter(created_at__lt=start).aggregate(total=Sum("amount"))["total"] or 0
    rows = list(entries.filter(created_at__gte=start, created_at__lt=end).select_related("order"))
    return Statement(
        producer=producer,
        month=start.date(),
        opening_balance=opening,
        entries=rows,
        closing_balance=opening + sum(row.amount for row in rows),
    )
