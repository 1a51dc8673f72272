"""Writes to checkouts. The caller has fetched the checkout with ``checkout_get_for_user``
(which decides who may touch it) inside a transaction, with ``for_update=True``.

Every change validates first and writes after, so a refused request leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from backend.accounts.addresses import address_clean
from backend.accounts.models import Address, User
from backend.channels.models import Channel
from backend.channels.selectors import channel_default, channel_get_by_slug
from backend.checkout.availability import (
    MAX_LINE_QUANTITY,
    VariantFacts,
    purchase_problem,
    variant_facts,
)
from backend.checkout.error_codes import CheckoutErrorCode as Code
from backend.checkout.info import CheckoutInfo, checkout_info, checkout_info_remember
from backend.checkout.models import Checkout, CheckoutLine
from backend.checkout.selectors import checkout_lines
from backend.core.db.rows import prepared_cursor
from backend.core.db.writes import insert, update
from backend.core.errors import DomainError, NotFound
from backend.core.metadata import metadata_merged
from backend.discounts.services import voucher_get_applicable
from backend.shipping.models import DeliveryMethod
from backend.webhooks.event_types import WebhookEventType
from backend.webhooks.payloads import checkout_payload
from backend.webhooks.services import webhook_event_emit


@dataclass(frozen=True)
class LineChange:
    """``quantity`` for a variant (add, update by variant) or a line (update by line id)."""

    quantity: int
    variant_id: int | None = None
    line_id: int | None = None
    metadata: dict[str, str] = field(default_factory=dict)


def _error(field: str, message: Any, code: Code, **params: Any) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code.value, params=params)})


def _lines_error(message: Any, code: Code, variant_ids: Sequence[int]) -> ValidationError:
    return _error("lines", message, code, variant_pks=sorted(set(variant_ids)))


def _check_quantities(
    checkout: Checkout, wanted: Mapping[int, int], *, also: Iterable[int] = ()
) -> dict[int, VariantFacts]:
    """Refuse quantities the variants cannot have: unavailable, absurd, over limit or stock.
    Returns the facts read, of ``wanted`` and ``also`` (the cart's other variants), so the
    caller can price the checkout without reading them again."""
    facts = variant_facts({*wanted, *also}, checkout.channel)
    missing = [pk for pk in wanted if pk not in facts]
    if missing:
        raise _lines_error(_("Không tìm thấy sản phẩm."), Code.NOT_FOUND, missing)
    for pk, quantity in wanted.items():
        problem = purchase_problem(facts[pk], checkout.channel)
        if problem is not None:
            raise _lines_error(_("Sản phẩm này hiện không bán trong kênh."), problem, [pk])
        limit = facts[pk].variant.quantity_limit_per_customer
        ceiling = MAX_LINE_QUANTITY if limit is None else min(limit, MAX_LINE_QUANTITY)
        if quantity > ceiling:
            raise ValidationError(
                {
                    "quantity": ValidationError(
                        _("Số lượng tối đa cho sản phẩm này là %(limit)s."),
                        code=Code.QUANTITY_GREATER_THAN_LIMIT.value,
                        params={"limit": ceiling, "variant_pks": [pk]},
                    )
                }
            )
        available = facts[pk].available
        if available is not None and quantity > available:
            raise ValidationError(
                {
                    "quantity": ValidationError(
                        _("Chỉ còn %(available)s sản phẩm trong kho."),
                        code=Code.INSUFFICIENT_STOCK.value,
                        params={"available": available, "variant_pks": [pk]},
                    )
                }
            )
    return facts


def _check_positive(changes: Sequence[LineChange], *, zero_allowed: bool) -> None:
    for change in changes:
        if change.quantity < 0 or (change.quantity == 0 and not zero_allowed):
            raise ValidationError(
                {
                    "quantity": ValidationError(
                        _("Số lượng phải lớn hơn 0."),
                        code=Code.ZERO_QUANTITY.value,
                        params={"variant_pks": [change.variant_id] if change.variant_id else []},
                    )
                }
            )
        if change.quantity > MAX_LINE_QUANTITY:
            raise ValidationError(
                {
                    "quantity": ValidationError(
                        _("Số lượng tối đa cho sản phẩm này là %(limit)s."),
                        code=Code.QUANTITY_GREATER_THAN_LIMIT.value,
                        params={"limit": MAX_LINE_QUANTITY},
                    )
                }
            )


def _clean_address(data: Mapping[str, Any], address_type: str) -> dict[str, str]:
    try:
        return address_clean(data)
    except ValidationError as exc:
        raise ValidationError(
            {
                key: [
                    ValidationError(
                        item.message,
                        code=item.code,
                        params={**(item.params or {}), "address_type": address_type},
                    )
                    for item in errors
                ]
                for key, errors in exc.error_dict.items()
            }
        ) from exc


def _channel_for(slug: str | None) -> Channel:
    if slug:
        channel = channel_get_by_slug(slug=slug)
    else:
        try:
            channel = channel_default()
        except DomainError as exc:
            raise _error("channel", exc.message, Code.MISSING_CHANNEL_SLUG) from exc
    if not channel.is_active:
        raise _error("channel", _("Kênh bán hàng đang tạm ngưng."), Code.CHANNEL_INACTIVE)
    return channel


def _clean_email(email: str) -> str:
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise _error("email", _("Địa chỉ email không hợp lệ."), Code.INVALID) from exc
    return email


def _merged(changes: Sequence[LineChange]) -> dict[int, int]:
    wanted: dict[int, int] = {}
    for change in changes:
        assert change.variant_id is not None
        wanted[change.variant_id] = wanted.get(change.variant_id, 0) + change.quantity
    return wanted


def checkout_create(
    *,
    actor: Any,
    channel_slug: str | None,
    lines: Sequence[LineChange],
    email: str | None = None,
    shipping_address: Mapping[str, Any] | None = None,
    billing_address: Mapping[str, Any] | None = None,
    language_code: str | None = None,
    metadata: dict[str, str] | None = None,
    save_shipping_address: bool | None = None,
    save_billing_address: bool | None = None,
) -> Checkout:
    """A new checkout, owned by ``actor`` when signed in (a guest's otherwise). The
    ``save_*_address`` flags are Saleor's (true when not given): see checkout_address_update."""
    channel = _channel_for(channel_slug)
    user: User | None = actor if getattr(actor, "is_authenticated", False) else None
    checkout = Checkout(
        channel=channel,
        user=user,
        metadata=metadata_merged({}, metadata or {}, field="metadata"),
        save_shipping_address=save_shipping_address is not False,
        save_billing_address=save_billing_address is not False,
    )
    checkout.email = _clean_email(email) if email else (user.email if user else "")
    checkout.language_code = language_code or (user.language_code if user else "vi")
    _check_positive(lines, zero_allowed=False)
    wanted = _merged(lines)
    _check_quantities(checkout, wanted)
    shipping = _clean_address(shipping_address, "shipping") if shipping_address else None
    billing = _clean_address(billing_address, "billing") if billing_address else None
    addresses = []
    if shipping is not None:
        checkout.shipping_address = Address(**shipping)
        addresses.append(checkout.shipping_address)
    if billing is not None:
        checkout.billing_address = Address(**billing)
        addresses.append(checkout.billing_address)
    insert(addresses)
    insert([checkout])
    insert(
        [
            CheckoutLine(checkout=checkout, variant_id=pk, quantity=quantity)
            for pk, quantity in wanted.items()
        ]
    )
    return checkout


def checkout_lines_add(*, checkout: Checkout, lines: Sequence[LineChange]) -> Checkout:
    """Add quantities; a variant already in the cart has its line increased (Saleor)."""
    _check_positive(lines, zero_allowed=False)
    added = _merged(lines)
    current = checkout_lines(checkout)
    quantities = {line.variant_id: line.quantity for line in current}
    wanted = {pk: quantities.get(pk, 0) + quantity for pk, quantity in added.items()}
    facts = _check_quantities(checkout, wanted, also=quantities)
    after = _write_quantities(checkout, wanted, current=current)
    # Priced now from the lines and facts just read: the API answers without reading them.
    checkout_info_remember(checkout, checkout_info(checkout, facts=facts, lines=after))
    return checkout


def checkout_lines_update(*, checkout: Checkout, lines: Sequence[LineChange]) -> Checkout:
    """Set quantities by line id (or variant id); quantity 0 removes the line (Saleor)."""
    _check_positive(lines, zero_allowed=True)
    by_line = dict(checkout.lines.values_list("pk", "variant_id"))
    wanted: dict[int, int] = {}
    for change in lines:
        variant_id = by_line.get(change.line_id) if change.line_id else change.variant_id
        if variant_id is None or (change.line_id is None and variant_id not in by_line.values()):
            raise _error("line_id", _("Không tìm thấy dòng hàng."), Code.NOT_FOUND)
        wanted[variant_id] = change.quantity
    _check_quantities(checkout, {pk: q for pk, q in wanted.items() if q > 0})
    _write_quantities(checkout, wanted)
    return checkout


def _write_quantities(
    checkout: Checkout, wanted: Mapping[int, int], *, current: Sequence[CheckoutLine] | None = None
) -> list[CheckoutLine]:
    """Set the quantities (0 deletes); the checkout's lines afterwards, in the order added.
    ``current``: the lines as the caller read them in this transaction."""
    if current is None:
        current = checkout_lines(checkout)
    existing = {line.variant_id: line for line in current}
    to_create, to_update, to_delete = [], [], []
    for pk, quantity in wanted.items():
        line = existing.get(pk)
        if quantity == 0:
            if line is not None:
                to_delete.append(line.pk)
        elif line is None:
            to_create.append(CheckoutLine(checkout=checkout, variant_id=pk, quantity=quantity))
        else:
            line.quantity = quantity
            to_update.append(line)
    insert(to_create)
    if to_update:
        CheckoutLine.objects.bulk_update(to_update, ["quantity"])
    if to_delete:
        CheckoutLine.objects.filter(pk__in=to_delete).delete()
    _touch(checkout, producers_may_leave=bool(to_delete))
    return [line for line in [*current, *to_create] if line.pk not in to_delete]


def checkout_lines_delete(*, checkout: Checkout, line_ids: Sequence[int]) -> Checkout:
    lines = checkout.lines.filter(pk__in=line_ids)
    if lines.count() != len(set(line_ids)):
        raise _error("line_id", _("Không tìm thấy dòng hàng."), Code.NOT_FOUND)
    lines.delete()
    _touch(checkout)
    return checkout


def _touch(checkout: Checkout, *, producers_may_leave: bool = True) -> None:
    """Drop delivery choices of producers no longer in the cart and bump last_change."""
    if producers_may_leave:
        producers = checkout.lines.values("variant__product__producer_id")
        checkout.deliveries.exclude(producer_id__in=producers).delete()
    update(checkout, ["last_change"])
    _updated(checkout)


def _updated(checkout: Checkout) -> None:
    """CHECKOUT_UPDATED for line, address and delivery changes, in the caller's transaction."""
    webhook_event_emit(
        event_type=WebhookEventType.CHECKOUT_UPDATED, payload=partial(checkout_payload, checkout)
    )


def checkout_email_update(*, checkout: Checkout, email: str) -> Checkout:
    checkout.email = _clean_email(email)
    update(checkout, ["email", "last_change"])
    return checkout


def checkout_customer_attach(*, actor: User, checkout: Checkout) -> Checkout:
    checkout.user = actor
    checkout.email = actor.email
    update(checkout, ["user", "email", "last_change"])
    return checkout


def checkout_customer_detach(*, actor: User, checkout: Checkout) -> Checkout:
    if checkout.user_id != actor.pk:
        raise NotFound(str(_("Không tìm thấy giỏ hàng.")), field="id")
    checkout.user = None
    update(checkout, ["user", "last_change"])
    return checkout


def checkout_address_update(
    *,
    checkout: Checkout,
    data: Mapping[str, Any],
    address_type: str,
    save_address: bool | None = None,
) -> Checkout:
    """Validate (commune inside province) and store a private copy of the address.
    ``save_address`` (Saleor; true when not given): whether completing the checkout keeps
    a copy in a signed-in shopper's address book."""
    values = _clean_address(data, address_type)
    attribute = f"{address_type}_address"
    flag = f"save_{address_type}_address"
    setattr(checkout, flag, save_address is not False)
    address: Address | None = getattr(checkout, attribute)
    if address is None:
        address = Address(**values)
        insert([address])
        setattr(checkout, attribute, address)
        update(checkout, [attribute, flag, "last_change"])
    else:
        Address.objects.filter(pk=address.pk).update(**values)
        for key, value in values.items():
            setattr(address, key, value)
        update(checkout, [flag, "last_change"])
    _updated(checkout)
    return checkout


def _set_deliveries(checkout: Checkout, info: CheckoutInfo, choices: Mapping[int, int]) -> None:
    """Store the choices in one upsert; ``info`` (priced before) is updated to match and
    handed on, since only the choices changed."""
    with prepared_cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO checkout_checkoutdelivery (checkout_id, producer_id, delivery_method_id)
            SELECT %s::uuid, chosen.producer_id, chosen.method_id
            FROM unnest(%s::bigint[], %s::bigint[]) AS chosen(producer_id, method_id)
            ON CONFLICT (checkout_id, producer_id)
            DO UPDATE SET delivery_method_id = EXCLUDED.delivery_method_id
            """,
            [checkout.pk, list(choices), list(choices.values())],
        )
    update(checkout, ["last_change"])
    for group in info.groups:
        if group.producer.pk in choices:
            group.chosen_method_id = choices[group.producer.pk]
    checkout_info_remember(checkout, info)
    _updated(checkout)


def _method_for(info: CheckoutInfo, method_id: int, producer_id: int | None = None) -> Any:
    method = next(
        (method for group in info.groups for method in group.methods if method.pk == method_id),
        None,
    )
    if method is None:  # not an active method of the cart's producers: say why
        method = DeliveryMethod.objects.filter(pk=method_id).first()
    group = info.group_for(method.producer_id) if method is not None else None
    if (
        method is None
        or group is None
        or (producer_id is not None and method.producer_id != producer_id)
    ):
        raise _error(
            "delivery_method_id", _("Không tìm thấy phương thức giao hàng."), Code.NOT_FOUND
        )
    if not any(quote.method.pk == method_id for quote in group.quotes):
        if info.checkout.shipping_address is None:
            raise _error(
                "delivery_method_id",
                _("Hãy nhập địa chỉ giao hàng trước."),
                Code.SHIPPING_ADDRESS_NOT_SET,
            )
        raise _error(
            "delivery_method_id",
            _("Phương thức giao hàng này không áp dụng cho địa chỉ đã chọn."),
            Code.DELIVERY_METHOD_NOT_APPLICABLE,
        )
    return method


def checkout_delivery_method_update(*, checkout: Checkout, method_id: int) -> Checkout:
    """Saleor's single choice: it sets its producer's group; other groups without a valid
    choice get their cheapest applicable method."""
    info = checkout_info(checkout)
    method = _method_for(info, method_id)
    choices = {method.producer_id: method.pk}
    for group in info.groups:
        if group.producer.pk not in choices and group.selected is None and group.quotes:
            choices[group.producer.pk] = group.quotes[0].method.pk
    _set_deliveries(checkout, info, choices)
    return checkout


def checkout_delivery_methods_update(
    *, checkout: Checkout, choices: Sequence[tuple[int, int]]
) -> Checkout:
    """OCOP extension: one method per producer, given as (producer id, method id) pairs."""
    info = checkout_info(checkout)
    chosen = {}
    for producer_id, method_id in choices:
        if info.group_for(producer_id) is None:
            raise _error(
                "producer_id", _("Giỏ hàng không có sản phẩm của nhà sản xuất này."), Code.NOT_FOUND
            )
        chosen[producer_id] = _method_for(info, method_id, producer_id).pk
    _set_deliveries(checkout, info, chosen)
    return checkout


def checkout_promo_code_add(*, checkout: Checkout, code: str) -> Checkout:
    voucher = voucher_get_applicable(
        code=code,
        channel=checkout.channel,
        subtotals=checkout_info(checkout).subtotals,
        user_id=checkout.user_id,
        email=checkout.email,
    )
    checkout.voucher_code = voucher.code
    update(checkout, ["voucher_code", "last_change"])
    return checkout


def checkout_promo_code_remove(*, checkout: Checkout, code: str | None) -> Checkout:
    if code is None or checkout.voucher_code.lower() == code.strip().lower():
        checkout.voucher_code = ""
        update(checkout, ["voucher_code", "last_change"])
    return checkout
