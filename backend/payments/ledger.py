"""Producers' money: revenue, commission and withheld tax per paid order, and payouts.

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
from backend.core.money import percent_of
from backend.orders.models import FulfillmentStatus, Order
from backend.payments.models import (
    CommissionRate,
    LedgerEntry,
    LedgerEntryKind,
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


def payout_record(*, actor: Any, producer: Producer, amount: int, reference: str) -> LedgerEntry:
    """Staff: record money paid out to a producer outside the system (no transfer made).
    Refuses more than is payable now."""
    if not (isinstance(actor, User) and actor.is_authenticated and actor.is_staff):
        raise PermissionDenied()
    if amount <= 0:
        raise DomainError("INVALID", _("Số tiền phải lớn hơn 0."), field="amount")
    Producer.objects.unscoped().select_for_update().get(pk=producer.pk)  # one payout at a time
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
        reference=reference.strip()[:255],
        created_by=actor,
    )
