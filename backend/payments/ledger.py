"""Producers' money: revenue, commission and withheld tax per paid order, their reversal
when the order is refunded, and payouts.

Rates are data (``CommissionRate``, ``WithholdingTaxRate``), looked up for the day the
order was paid; amounts are rounded half-up to whole đồng by ``core.money.percent_of``.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.core.errors import DomainError, PermissionDenied
from backend.core.money import percent_of, round_vnd
from backend.orders.models import FulfillmentStatus, Order
from backend.payments.models import (
    POSTED_KINDS,
    REVERSAL_OF,
    CommissionRate,
    LedgerEntry,
    LedgerEntryKind,
    TransactionEvent,
    WithheldTax,
    WithholdingTaxRate,
)
from producers.models import Producer

GOODS = "goods"


def commission_percent(*, producer: Producer, on: datetime.date) -> Decimal:
    """The producer's own rate in force on ``on``, else the platform default, else 0."""
    rates = CommissionRate.objects.filter(valid_from__lte=on).order_by("-valid_from")
    own = rates.filter(producer=producer).first()
    if own is not None:
        return own.percent
    default = rates.filter(producer__isnull=True).first()
    return default.percent if default is not None else Decimal(0)


def withholding_percent(*, tax: WithheldTax, on: datetime.date) -> Decimal:
    rate = (
        WithholdingTaxRate.objects.filter(tax=tax, supply_type=GOODS, valid_from__lte=on)
        .order_by("-valid_from")
        .first()
    )
    return rate.percent if rate is not None else Decimal(0)


def ledger_post_paid_order(*, order: Order) -> list[LedgerEntry]:
    """Post revenue, commission and (Decree 117/2025) withheld VAT and PIT for each of the
    order's fulfilment groups. Idempotent: a group's entries are posted once."""
    today = timezone.localdate()
    posted: list[LedgerEntry] = []
    groups = order.fulfillment_groups.select_related("producer").exclude(
        ledger_entries__kind=LedgerEntryKind.REVENUE
    )
    for group in groups:
        producer = group.producer
        goods = group.goods_amount  # its lines less its share of the voucher
        rows: list[tuple[LedgerEntryKind, int, Decimal | None]] = [
            (LedgerEntryKind.REVENUE, goods + group.shipping_price_amount, None)
        ]
        commission = commission_percent(producer=producer, on=today)
        rows.append((LedgerEntryKind.COMMISSION, -percent_of(goods, commission), commission))
        if producer.withholds_personal_tax:
            for tax, kind in (
                (WithheldTax.VAT, LedgerEntryKind.VAT_WITHHELD),
                (WithheldTax.PIT, LedgerEntryKind.PIT_WITHHELD),
            ):
                percent = withholding_percent(tax=tax, on=today)
                rows.append((kind, -percent_of(goods, percent), percent))
        posted.extend(
            LedgerEntry.objects.bulk_create(
                [
                    LedgerEntry(
                        producer=producer,
                        kind=kind,
                        amount=amount,
                        order=order,
                        fulfillment_group=group,
                        rate_percent=rate,
                        reference=f"#{order.number}",
                    )
                    for kind, amount, rate in rows
                ]
            )
        )
    return posted


def ledger_post_refund(*, order: Order, event: TransactionEvent) -> list[LedgerEntry]:
    """Reverse the producers' revenue, commission and withheld tax of ``order`` in
    proportion to what the order has had refunded, naming the refund ``event``.

    Preconditions: the caller holds the order's row lock and has just recomputed
    ``order.total_charged_amount`` (``services.transaction_record`` does both).

    The share refunded is ``(total - min(charged, total)) / total``, so refunding money paid
    beyond the total (an overpayment) reverses nothing. Each posted entry is reversed up to
    ``round_half_up(posted x share)`` in all, minus what earlier refunds reversed: a full
    refund reverses exactly what was posted however many partial refunds came before, and
    running again for the same state writes nothing (the same refund counts once). Orders
    whose entries were never posted (never fully paid) have nothing to reverse. Money already
    paid out stays paid: the producer's balance goes negative and carries forward.
    """
    total = order.total_amount
    refunded = total - min(order.total_charged_amount, total)
    if total <= 0 or refunded <= 0:
        return []
    entries = LedgerEntry.objects.filter(order=order, fulfillment_group__isnull=False)
    done: dict[tuple[int | None, str], int] = {
        (row["fulfillment_group_id"], row["kind"]): row["total"]
        for row in entries.filter(kind__in=REVERSAL_OF.values())
        .values("fulfillment_group_id", "kind")
        .annotate(total=Sum("amount"))
    }
    rows = []
    for entry in entries.filter(kind__in=POSTED_KINDS).order_by("pk"):
        kind = REVERSAL_OF[LedgerEntryKind(entry.kind)]
        target = -round_vnd(Decimal(entry.amount) * refunded / total)
        already = done.get((entry.fulfillment_group_id, kind), 0)
        if abs(target) <= abs(already):
            continue
        rows.append(
            LedgerEntry(
                producer_id=entry.producer_id,
                kind=kind,
                amount=target - already,
                order=order,
                fulfillment_group_id=entry.fulfillment_group_id,
                transaction_event=event,
                rate_percent=entry.rate_percent,
                reference=f"#{order.number} {event.psp_reference}".strip()[:255],
            )
        )
    return LedgerEntry.objects.bulk_create(rows)


def payable_filter(*, now: datetime.datetime | None = None) -> Q:
    """Entries the producer may be paid: delivered, past the return window, not returned."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.PAYOUT_RETURN_WINDOW_DAYS)
    return Q(kind=LedgerEntryKind.PAYOUT) | Q(
        fulfillment_group__fulfilled_at__lte=cutoff,
        fulfillment_group__status=FulfillmentStatus.FULFILLED,
    )


def producer_balance(*, producer: Producer, now: datetime.datetime | None = None) -> dict[str, int]:
    """``payable``: owed now; ``pending``: earned but still inside the return window or
    not yet delivered."""
    entries = LedgerEntry.objects.filter(producer=producer)
    payable = entries.filter(payable_filter(now=now)).aggregate(total=Sum("amount"))["total"] or 0
    total = entries.aggregate(total=Sum("amount"))["total"] or 0
    return {"payable": payable, "pending": total - payable}


def payout_record(
    *,
    actor: Any,
    producer: Producer,
    amount: int,
    reference: str,
    paid_on: datetime.date | None = None,
) -> LedgerEntry:
    """Staff: record money paid out to a producer outside the system (no transfer made).

    ``reference`` (the bank transfer's number) is required and unique per producer, so the
    same transfer is never recorded twice; ``paid_on`` (default today) may not be in the
    future. Never more than is payable now: an advance on money not yet earned, or still
    inside the return window, is not a payout, and a producer whose refunds left the
    balance negative is paid again only once new sales cover it.
    """
    if not (isinstance(actor, User) and actor.is_authenticated and actor.is_staff):
        raise PermissionDenied()
    if isinstance(amount, bool) or amount <= 0:
        raise DomainError("INVALID", _("Số tiền phải lớn hơn 0."), field="amount")
    reference = reference.strip()
    if not reference:
        raise DomainError(
            "REQUIRED", _("Cần số chứng từ chi trả (số ủy nhiệm chi)."), field="reference"
        )
    if len(reference) > 255:
        raise DomainError("INVALID", _("Số chứng từ dài tối đa 255 ký tự."), field="reference")
    today = timezone.localdate()
    paid_on = paid_on or today
    if paid_on > today:
        raise DomainError("INVALID", _("Ngày chi trả không được ở tương lai."), field="paidOn")
    Producer.objects.unscoped().select_for_update().get(pk=producer.pk)  # one payout at a time
    if LedgerEntry.objects.filter(
        producer=producer, kind=LedgerEntryKind.PAYOUT, reference=reference
    ).exists():
        raise DomainError(
            "UNIQUE",
            _("Chứng từ %(reference)s đã được ghi cho nhà sản xuất này.")
            % {"reference": reference},
            field="reference",
        )
    payable = producer_balance(producer=producer)["payable"]
    if amount > payable:
        raise DomainError(
            "PAYOUT_EXCEEDS_BALANCE",
            _("Số tiền chi trả vượt quá số đang nợ nhà sản xuất (%(payable)s đồng).")
            % {"payable": payable},
            field="amount",
        )
    return LedgerEntry.objects.create(
        producer=producer,
        kind=LedgerEntryKind.PAYOUT,
        amount=-amount,
        reference=reference,
        paid_on=paid_on,
        created_by=actor,
    )
