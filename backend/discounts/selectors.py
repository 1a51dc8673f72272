"""Reading vouchers for the people who manage them.

Staff manage every voucher. A producer's members manage the vouchers restricted to that
producer (its discount is the producer's own money) and never platform vouchers or another
producer's: those are answered as missing, so their existence is not revealed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.channels.models import Channel
from backend.core.errors import NotFound, PermissionDenied
from backend.discounts.models import Voucher
from producers.selectors import managed_producer_ids

VOUCHER_NOT_FOUND = _("Không tìm thấy mã khuyến mãi.")

VoucherChannel = Voucher.channels.through


def can_manage_vouchers(actor: Any) -> bool:
    """Staff, or a member of at least one producer (the entry check; each voucher is
    checked again)."""
    scope = managed_producer_ids(actor)
    return scope is None or bool(scope)


def voucher_list_for_user(*, actor: Any) -> QuerySet[Voucher]:
    """The vouchers ``actor`` manages, with their producer. PermissionDenied for anyone
    who manages none at all (anonymous, shoppers, officials)."""
    if not can_manage_vouchers(actor):
        raise PermissionDenied()
    vouchers = Voucher.objects.select_related("producer")
    scope = managed_producer_ids(actor)
    return vouchers if scope is None else vouchers.filter(producer_id__in=scope)


def voucher_get_for_user(
    *, actor: Any, voucher_id: int, for_update: bool = False, field: str = "id"
) -> Voucher:
    """One voucher ``actor`` manages (row-locked with ``for_update``); NotFound otherwise."""
    vouchers = voucher_list_for_user(actor=actor)
    if for_update:
        vouchers = vouchers.select_for_update(of=("self",))
    voucher = vouchers.filter(pk=voucher_id).first()
    if voucher is None:
        raise NotFound(str(VOUCHER_NOT_FOUND), field=field)
    return voucher


def voucher_search(vouchers: QuerySet[Voucher], text: str) -> QuerySet[Voucher]:
    """Narrow by code or name (Vietnamese accents optional in the name)."""
    text = text.strip()
    if not text:
        return vouchers
    return vouchers.filter(Q(code__icontains=text) | Q(name__unaccent__icontains=text))


def voucher_status_q(statuses: Iterable[str], *, now: datetime | None = None) -> Q:
    """Saleor's DiscountStatusEnum as a condition: ``active`` (started, not ended),
    ``expired`` (ended) and ``scheduled`` (not started); any of ``statuses``."""
    now = now or timezone.now()
    started = Q(starts_at__isnull=True) | Q(starts_at__lte=now)
    not_ended = Q(ends_at__isnull=True) | Q(ends_at__gt=now)
    conditions = {
        "active": started & not_ended,
        "expired": Q(ends_at__lte=now),
        "scheduled": Q(starts_at__gt=now),
    }
    condition = Q(pk__in=[])
    for status in statuses:
        condition |= conditions[status]
    return condition


def voucher_channels(voucher_ids: Iterable[int]) -> dict[int, list[Any]]:
    """The channel rows (``VoucherChannel`` with its ``channel``) of each voucher, by channel
    slug: one query for any number of vouchers."""
    found: dict[int, list[Any]] = defaultdict(list)
    rows = (
        VoucherChannel.objects.filter(voucher_id__in=list(voucher_ids))
        .select_related("channel")
        .order_by("channel__slug", "pk")
    )
    for row in rows:
        found[row.voucher_id].append(row)
    return found


def voucher_available_in(channel_rows: list[Any], channel: Channel | None) -> bool:
    """Whether a voucher with these channel rows may be used in ``channel``: a voucher
    without channels is usable in every channel (``voucher_get_applicable``)."""
    if channel is None or not channel_rows:
        return True
    return any(row.channel_id == channel.pk for row in channel_rows)
