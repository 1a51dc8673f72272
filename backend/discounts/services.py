"""Vouchers: which apply to a checkout, how much they take off, and counting their use."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.channels.models import Channel
from backend.core.money import apportion, format_vnd, percent_of
from backend.discounts.models import Voucher, VoucherValueType
from backend.orders.models import OrderStatus

INVALID = "INVALID"
NOT_APPLICABLE = "VOUCHER_NOT_APPLICABLE"
ONCE_PER_CUSTOMER = _("Mỗi khách hàng chỉ được dùng mã khuyến mãi này một lần.")
# Orders that no longer hold their voucher use (voucher_release gave it back).
CLOSED_ORDER_STATUSES = (OrderStatus.CANCELED, OrderStatus.EXPIRED)


def _invalid_code() -> ValidationError:
    return ValidationError(
        {"promo_code": ValidationError(_("Mã khuyến mãi không hợp lệ."), code=INVALID)}
    )


def _not_applicable(message: Any, **params: Any) -> ValidationError:
    return ValidationError(
        {"promo_code": ValidationError(message, code=NOT_APPLICABLE, params=params or None)}
    )


def voucher_eligible_subtotal(voucher: Voucher, subtotals: Mapping[int, int]) -> int:
    """What the voucher is reckoned on: its producer's lines, or every line.
    ``subtotals`` maps producer id to the sum of that producer's lines."""
    if voucher.producer_id is not None:
        return subtotals.get(voucher.producer_id, 0)
    return sum(subtotals.values())


def voucher_used_by_customer(
    voucher: Voucher, *, user_id: int | None, email: str, placing_order_id: int | None = None
) -> bool:
    """Whether the customer (their account, or their email: a guest's orders count for the
    account with that email and the other way round) has a placed order with ``voucher``
    that was not cancelled, other than ``placing_order_id`` (the order being placed now)."""
    customer = Q(pk__in=[])
    if user_id is not None:
        customer |= Q(user_id=user_id)
    if email:
        customer |= Q(user_email__iexact=email)
    orders = voucher.orders.exclude(status__in=CLOSED_ORDER_STATUSES).filter(customer)
    if placing_order_id is not None:
        orders = orders.exclude(pk=placing_order_id)
    return orders.exists()


def voucher_get_applicable(
    *,
    code: str,
    channel: Channel,
    subtotals: Mapping[int, int],
    user_id: int | None = None,
    email: str = "",
    now: datetime | None = None,
) -> Voucher:
    """The voucher named ``code`` if it may be used now in ``channel`` on a cart whose lines
    sum to ``subtotals`` (producer id -> amount), by the customer ``user_id``/``email``.

    Raises ValidationError on ``promo_code``: INVALID for unknown codes, VOUCHER_NOT_APPLICABLE
    for inactive, expired, used-up, other-channel vouchers, a producer's voucher on a cart
    without that producer's products, a subtotal under the minimum and a once-per-customer
    voucher this customer has used (checked again under lock by ``voucher_use``).
    """
    now = now or timezone.now()
    voucher = Voucher.objects.filter(code__iexact=code.strip()).prefetch_related("channels").first()
    if voucher is None:
        raise _invalid_code()
    problems = (
        not voucher.is_active
        or (voucher.starts_at is not None and voucher.starts_at > now)
        or (voucher.ends_at is not None and voucher.ends_at <= now)
        or (voucher.usage_limit is not None and voucher.used >= voucher.usage_limit)
        or (voucher.channels.exists() and channel not in voucher.channels.all())
    )
    if problems:
        raise _not_applicable(_("Mã khuyến mãi không dùng được cho đơn này."))
    eligible = voucher_eligible_subtotal(voucher, subtotals)
    if voucher.producer_id is not None and eligible <= 0:
        raise _not_applicable(_("Mã khuyến mãi chỉ dùng cho sản phẩm của một nhà sản xuất khác."))
    if eligible < voucher.min_spend_amount:
        raise _not_applicable(
            _("Mã khuyến mãi cần đơn hàng từ %(amount)s."),
            amount=format_vnd(voucher.min_spend_amount),
        )
    if voucher.apply_once_per_customer and voucher_used_by_customer(
        voucher, user_id=user_id, email=email
    ):
        raise _not_applicable(ONCE_PER_CUSTOMER)
    return voucher


def voucher_discount(voucher: Voucher, *, subtotal: int) -> int:
    """The discount on ``subtotal`` (the eligible one) in whole đồng, never more than it."""
    if voucher.value_type == VoucherValueType.PERCENTAGE:
        amount = percent_of(subtotal, Decimal(voucher.value))
    else:
        amount = voucher.value
    return max(0, min(amount, subtotal))


def voucher_discounts(voucher: Voucher, *, subtotals: Mapping[int, int]) -> dict[int, int]:
    """The voucher's discount split over the producers (id -> đồng; they sum to the whole
    discount): all to the voucher's producer, else in proportion to each producer's lines
    (largest remainder). No producer's share exceeds its subtotal."""
    discount = voucher_discount(voucher, subtotal=voucher_eligible_subtotal(voucher, subtotals))
    if voucher.producer_id is not None:
        return {pk: discount if pk == voucher.producer_id else 0 for pk in subtotals}
    return apportion(discount, subtotals)


def voucher_use(
    voucher: Voucher, *, user_id: int | None, email: str, placing_order_id: int | None = None
) -> None:
    """Count one use for the customer (``user_id``, else ``email``) placing an order now
    (``placing_order_id``, when already written in this transaction).

    Runs in the order's transaction and holds the voucher's row lock until it commits, so
    concurrent orders check in turn: never beyond ``usage_limit``, and with
    ``apply_once_per_customer`` never twice for one customer (the other order, committed
    by then, is seen). Raises VOUCHER_NOT_APPLICABLE on ``promo_code`` otherwise.
    """
    locked = Voucher.objects.select_for_update().get(pk=voucher.pk)
    if locked.usage_limit is not None and locked.used >= locked.usage_limit:
        raise _not_applicable(_("Mã khuyến mãi đã hết lượt sử dụng."))
    if locked.apply_once_per_customer and voucher_used_by_customer(
        locked, user_id=user_id, email=email, placing_order_id=placing_order_id
    ):
        raise _not_applicable(ONCE_PER_CUSTOMER)
    Voucher.objects.filter(pk=locked.pk).update(used=F("used") + 1)


def voucher_release(voucher_id: int) -> None:
    """Give back one use (a cancelled order)."""
    Voucher.objects.filter(pk=voucher_id, used__gt=0).update(used=F("used") - 1)
