"""Managing vouchers: staff every voucher, a producer's members their producer's vouchers.

The writes behind voucherCreate, voucherUpdate, voucherDelete, voucherBulkDelete and
voucherChannelListingUpdate. Every bad input is a ValidationError with
``DiscountErrorCode`` values, all problems of one voucher at once, nothing written; an
actor who manages no vouchers gets PermissionDenied, a voucher they do not manage NotFound.
(Applying vouchers to a checkout is ``discounts.services``.)
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.channels.models import Channel
from backend.core.errors import NotFound, PermissionDenied
from backend.core.money import whole_vnd
from backend.discounts.error_codes import DiscountErrorCode
from backend.discounts.models import Voucher, VoucherValueType
from backend.discounts.selectors import (
    VOUCHER_NOT_FOUND,
    can_manage_vouchers,
    voucher_get_for_user,
    voucher_list_for_user,
)
from producers.models import Producer, ProducerStatus
from producers.selectors import managed_producer_ids

_UNSET: Any = object()
# Far above any order, far below the database's bigint: a typo, not a discount.
MAX_AMOUNT = 10**12
CODE_MAX_LENGTH = 64
# Generated codes avoid letters and digits that read alike (O/0, I/1).
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
GENERATED_CODE_LENGTH = 10
PRODUCER_NOT_FOUND = _("Không tìm thấy chủ thể.")
CHANNEL_NOT_FOUND = _("Không tìm thấy kênh bán hàng.")


class _Problems:
    """Field errors found while cleaning one voucher, raised together (nothing is written)."""

    def __init__(self) -> None:
        self.errors: dict[str, list[ValidationError]] = defaultdict(list)

    def add(self, field: str, message: Any, error: DiscountErrorCode, /, **params: Any) -> None:
        self.errors[field].append(ValidationError(message, code=error.value, params=params or None))

    def __contains__(self, field: str) -> bool:
        return field in self.errors

    def raise_any(self) -> None:
        if self.errors:
            raise ValidationError(dict(self.errors))


def _require_manager(actor: Any) -> None:
    if not can_manage_vouchers(actor):
        raise PermissionDenied()


def _code_taken(code: str, *, voucher: Voucher) -> bool:
    taken = Voucher.objects.filter(code__iexact=code)
    if voucher.pk is not None:
        taken = taken.exclude(pk=voucher.pk)
    return taken.exists()


def _generated_code(voucher: Voucher) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(GENERATED_CODE_LENGTH))
        if not _code_taken(code, voucher=voucher):
            return code


def _clean_code(code: str | None, *, voucher: Voucher, problems: _Problems) -> None:
    """An empty code gets a generated one (Saleor); codes are unique ignoring case."""
    code = (code or "").strip()
    if not code:
        voucher.code = _generated_code(voucher)
    elif len(code) > CODE_MAX_LENGTH or any(char.isspace() for char in code):
        problems.add(
            "code",
            _("Mã khuyến mãi có tối đa %(limit)s ký tự và không có khoảng trắng."),
            DiscountErrorCode.INVALID,
            limit=CODE_MAX_LENGTH,
        )
    elif _code_taken(code, voucher=voucher):
        problems.add(
            "code",
            _("Mã khuyến mãi %(code)s đã tồn tại."),
            DiscountErrorCode.ALREADY_EXISTS,
            code=code,
        )
    else:
        voucher.code = code


def _clean_value(value: Any, *, voucher: Voucher, problems: _Problems) -> None:
    if value is None:
        problems.add("discount_value", _("Hãy nhập giá trị giảm."), DiscountErrorCode.REQUIRED)
        return
    amount = whole_vnd(value, minimum=1, maximum=MAX_AMOUNT)
    if amount is None:
        problems.add(
            "discount_value",
            _("Giá trị giảm phải là số nguyên từ 1 trở lên."),
            DiscountErrorCode.INVALID,
        )
        return
    voucher.value = amount


def _clean_min_spend(value: Any, *, voucher: Voucher, problems: _Problems) -> None:
    if value is None:
        voucher.min_spend_amount = 0
        return
    amount = whole_vnd(value, minimum=0, maximum=MAX_AMOUNT)
    if amount is None:
        problems.add(
            "min_amount_spent",
            _("Giá trị đơn tối thiểu phải là số đồng nguyên, không âm."),
            DiscountErrorCode.INVALID,
        )
        return
    voucher.min_spend_amount = amount


def _clean_usage_limit(value: int | None, *, voucher: Voucher, problems: _Problems) -> None:
    if value is not None and value < 1:
        problems.add(
            "usage_limit",
            _("Giới hạn lượt dùng phải từ 1 trở lên (để trống nếu không giới hạn)."),
            DiscountErrorCode.INVALID,
        )
        return
    voucher.usage_limit = value


def _clean_producer(
    actor: Any, producer_id: Any, *, voucher: Voucher, creating: bool, problems: _Problems
) -> None:
    """Staff choose any producer or none (a platform voucher). A member's voucher belongs to
    one of their producers: left out, it is their only producer; never none."""
    scope = managed_producer_ids(actor)
    if producer_id is _UNSET:
        if not creating or scope is None:
            return
        if len(scope) != 1:
            problems.add(
                "producer",
                _("Hãy chọn chủ thể được áp dụng mã khuyến mãi."),
                DiscountErrorCode.REQUIRED,
            )
            return
        producer_id = next(iter(scope))
    if producer_id is None:
        if scope is None:
            voucher.producer = None
        else:
            problems.add(
                "producer",
                _("Mã khuyến mãi của chủ thể phải gắn với chủ thể của bạn."),
                DiscountErrorCode.REQUIRED,
            )
        return
    producers = Producer.objects.unscoped()
    if scope is not None:
        producers = producers.filter(pk__in=scope)
    producer = producers.filter(pk=producer_id).first()
    if producer is None:
        problems.add("producer", PRODUCER_NOT_FOUND, DiscountErrorCode.NOT_FOUND)
        return
    voucher.producer = producer


def _clean_channels(channel_ids: Iterable[int] | None, *, problems: _Problems) -> list[Channel]:
    wanted = set(channel_ids or ())
    channels = list(Channel.objects.filter(pk__in=wanted))
    if len(channels) != len(wanted):
        problems.add("channels", CHANNEL_NOT_FOUND, DiscountErrorCode.NOT_FOUND)
    return channels


def _check_whole_voucher(actor: Any, voucher: Voucher, *, problems: _Problems) -> None:
    """Rules between fields, on the voucher as it would be saved."""
    if (
        "discount_value" not in problems
        and voucher.value_type == VoucherValueType.PERCENTAGE
        and voucher.value > 100
    ):
        problems.add(
            "discount_value",
            _("Mức giảm theo phần trăm phải từ 1 đến 100."),
            DiscountErrorCode.INVALID,
        )
    if voucher.starts_at and voucher.ends_at and voucher.ends_at <= voucher.starts_at:
        problems.add(
            "end_date",
            _("Ngày kết thúc phải sau ngày bắt đầu."),
            DiscountErrorCode.INVALID,
        )
    if voucher.usage_limit is not None and voucher.usage_limit < voucher.used:
        problems.add(
            "usage_limit",
            _("Giới hạn lượt dùng không được nhỏ hơn số lượt đã dùng (%(used)s)."),
            DiscountErrorCode.INVALID,
            used=voucher.used,
        )
    # Staff may repair a suspended producer's vouchers; its members may not.
    producer = voucher.producer
    suspended = producer is not None and producer.status == ProducerStatus.SUSPENDED
    if suspended and managed_producer_ids(actor) is not None:
        problems.add(
            "producer",
            _("Chủ thể đang bị tạm ngưng: không thể tạo hay sửa mã khuyến mãi."),
            DiscountErrorCode.INVALID,
        )


def _write(actor: Any, voucher: Voucher, changes: Mapping[str, Any], *, creating: bool) -> Voucher:
    """Clean ``changes`` onto ``voucher`` and save it with its channels, or raise every
    problem found as one ValidationError having written nothing."""
    problems = _Problems()
    if creating or "code" in changes:
        _clean_code(changes.get("code"), voucher=voucher, problems=problems)
    if "name" in changes:
        name = (changes["name"] or "").strip()
        if len(name) > 255:
            problems.add("name", _("Tên tối đa 255 ký tự."), DiscountErrorCode.INVALID)
        voucher.name = name
    value_type = changes.get("value_type")
    if value_type is not None:
        if value_type not in VoucherValueType.values:
            problems.add(
                "discount_value_type",
                _("Loại giảm giá không hợp lệ."),
                DiscountErrorCode.INVALID,
            )
        else:
            voucher.value_type = value_type
    if creating or "value" in changes:
        _clean_value(changes.get("value"), voucher=voucher, problems=problems)
    if "min_spend_amount" in changes:
        _clean_min_spend(changes["min_spend_amount"], voucher=voucher, problems=problems)
    if "usage_limit" in changes:
        _clean_usage_limit(changes["usage_limit"], voucher=voucher, problems=problems)
    for flag in ("apply_once_per_customer", "is_active"):
        if changes.get(flag) is not None:
            setattr(voucher, flag, bool(changes[flag]))
    if "starts_at" in changes:
        voucher.starts_at = changes["starts_at"]
    elif creating:
        voucher.starts_at = timezone.now()  # Saleor: a voucher starts when it is created
    if "ends_at" in changes:
        voucher.ends_at = changes["ends_at"]
    _clean_producer(
        actor,
        changes.get("producer_id", _UNSET),
        voucher=voucher,
        creating=creating,
        problems=problems,
    )
    channels = None
    if "channel_ids" in changes:
        channels = _clean_channels(changes["channel_ids"], problems=problems)
    _check_whole_voucher(actor, voucher, problems=problems)
    problems.raise_any()
    try:
        with transaction.atomic():
            voucher.save()
    except IntegrityError:
        # Another request took the code between our check and the insert.
        if not _code_taken(voucher.code, voucher=voucher):
            raise
        problems.add(
            "code",
            _("Mã khuyến mãi %(code)s đã tồn tại."),
            DiscountErrorCode.ALREADY_EXISTS,
            code=voucher.code,
        )
        problems.raise_any()
    if channels is not None:
        voucher.channels.set(channels)
    return voucher


def voucher_create(
    *,
    actor: Any,
    value: Any,
    code: str | None = None,
    name: str = "",
    value_type: str = VoucherValueType.FIXED,
    min_spend_amount: Any = None,
    usage_limit: int | None = None,
    apply_once_per_customer: bool = False,
    starts_at: datetime | None = _UNSET,
    ends_at: datetime | None = None,
    channel_ids: Iterable[int] | None = None,
    producer_id: int | None = _UNSET,
    is_active: bool = True,
) -> Voucher:
    """A new voucher. ``value`` is whole đồng (FIXED) or a percent 1-100 (PERCENTAGE);
    ``code`` empty means a generated one; ``starts_at`` left out means now; no channels
    means every channel. Members create vouchers of their own producers only.

    Raises PermissionDenied for actors who manage no vouchers, ValidationError with
    ``DiscountErrorCode`` values (every problem at once) for bad input.
    """
    _require_manager(actor)
    changes = {
        "code": code,
        "name": name,
        "value_type": value_type,
        "value": value,
        "min_spend_amount": min_spend_amount,
        "usage_limit": usage_limit,
        "apply_once_per_customer": apply_once_per_customer,
        "ends_at": ends_at,
        "channel_ids": channel_ids,
        "is_active": is_active,
    }
    if starts_at is not _UNSET:
        changes["starts_at"] = starts_at
    if producer_id is not _UNSET:
        changes["producer_id"] = producer_id
    return _write(actor, Voucher(), changes, creating=True)


def voucher_update(
    *,
    actor: Any,
    voucher_id: int,
    code: str | None = _UNSET,
    name: str | None = _UNSET,
    value_type: str | None = _UNSET,
    value: Any = _UNSET,
    min_spend_amount: Any = _UNSET,
    usage_limit: int | None = _UNSET,
    apply_once_per_customer: bool | None = _UNSET,
    starts_at: datetime | None = _UNSET,
    ends_at: datetime | None = _UNSET,
    channel_ids: Iterable[int] | None = _UNSET,
    producer_id: int | None = _UNSET,
    is_active: bool | None = _UNSET,
) -> Voucher:
    """Change the given fields of a voucher the actor manages (row-locked); the rest stay.

    ``None`` clears ``usage_limit``, ``starts_at``, ``ends_at`` and the minimum spend and
    (staff only) ``producer``; an empty ``code`` generates one; ``channel_ids`` replaces the
    channels (empty: every channel). The usage limit may not drop below ``used``.
    NotFound for a voucher the actor does not manage.
    """
    _require_manager(actor)
    voucher = voucher_get_for_user(actor=actor, voucher_id=voucher_id, for_update=True)
    given = {
        "code": code,
        "name": name,
        "value_type": value_type,
        "value": value,
        "min_spend_amount": min_spend_amount,
        "usage_limit": usage_limit,
        "apply_once_per_customer": apply_once_per_customer,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "channel_ids": channel_ids,
        "producer_id": producer_id,
        "is_active": is_active,
    }
    changes = {key: item for key, item in given.items() if item is not _UNSET}
    return _write(actor, voucher, changes, creating=False)


def voucher_delete(*, actor: Any, voucher_id: int) -> Voucher:
    """Delete a voucher the actor manages. Orders keep its code; checkouts holding it lose
    the discount on their next recalculation."""
    _require_manager(actor)
    voucher = voucher_get_for_user(actor=actor, voucher_id=voucher_id, for_update=True)
    voucher.delete()
    voucher.pk = voucher_id  # the payload still names what was deleted
    return voucher


def voucher_bulk_delete(*, actor: Any, voucher_ids: Collection[int]) -> int:
    """Delete all of ``voucher_ids`` or, when one is not the actor's to manage, none
    (NotFound on ``ids``). Returns how many were deleted."""
    _require_manager(actor)
    wanted = set(voucher_ids)
    found = set(
        voucher_list_for_user(actor=actor)
        .select_for_update(of=("self",))
        .filter(pk__in=wanted)
        .values_list("pk", flat=True)
    )
    if found != wanted:
        raise NotFound(str(VOUCHER_NOT_FOUND), field="ids")
    Voucher.objects.filter(pk__in=found).delete()
    return len(found)


def voucher_channel_listing_update(
    *,
    actor: Any,
    voucher_id: int,
    add_channels: Iterable[Mapping[str, Any]] = (),
    remove_channel_ids: Iterable[int] = (),
) -> Voucher:
    """Saleor's channel listings on our one-value voucher: add or remove channels, and set
    the value and minimum spend (``discount_value``, ``min_amount_spent`` of the added
    channels; one value for every channel, so they must agree).

    A voucher in no channel is usable in every channel, so removing its last channel is
    refused: deactivate or delete it instead.
    """
    _require_manager(actor)
    voucher = voucher_get_for_user(actor=actor, voucher_id=voucher_id, for_update=True)
    additions = list(add_channels)
    add_ids = [item["channel_id"] for item in additions]
    remove_ids = list(remove_channel_ids)
    problems = _Problems()
    if len(set(add_ids)) != len(add_ids) or set(add_ids) & set(remove_ids):
        problems.add(
            "add_channels",
            _("Mỗi kênh chỉ được nêu một lần trong một yêu cầu."),
            DiscountErrorCode.DUPLICATED_INPUT_ITEM,
        )
    known = set(Channel.objects.filter(pk__in=[*add_ids, *remove_ids]).values_list("pk", flat=True))
    for field, ids in (("add_channels", add_ids), ("remove_channels", remove_ids)):
        if set(ids) - known:
            problems.add(field, CHANNEL_NOT_FOUND, DiscountErrorCode.NOT_FOUND)
    changes: dict[str, Any] = {}
    for key, field in (("discount_value", "value"), ("min_amount_spent", "min_spend_amount")):
        values = {item[key] for item in additions if item.get(key) is not None}
        if len(values) > 1:
            problems.add(
                key,
                _("Mã khuyến mãi có một mức cho mọi kênh: hãy nhập cùng một giá trị."),
                DiscountErrorCode.INVALID,
            )
        elif values:
            changes[field] = values.pop()
    current = set(voucher.channels.values_list("pk", flat=True))
    final = (current | set(add_ids)) - set(remove_ids)
    if current and not final and "add_channels" not in problems:
        problems.add(
            "remove_channels",
            _(
                "Mã khuyến mãi không gắn kênh nào sẽ dùng được ở mọi kênh: hãy tắt hoặc xoá mã "
                "thay vì gỡ kênh cuối cùng."
            ),
            DiscountErrorCode.INVALID,
        )
    problems.raise_any()
    return _write(actor, voucher, {**changes, "channel_ids": final}, creating=False)
