"""checkoutComplete: a checkout becomes one order with one fulfilment group per producer.

Idempotent by checkout token: the order keeps ``checkout_token`` (unique), and a repeated or
concurrent completion returns that order. Stock is reserved under row locks
(``inventory.allocations``), so no variant is ever sold beyond its stock.
"""

from __future__ import annotations

import copy as copy_module
import json
import uuid
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from backend.accounts.addresses import AddressType, address_book_store
from backend.accounts.models import Address
from backend.checkout.error_codes import CheckoutErrorCode as Code
from backend.checkout.info import CheckoutInfo, checkout_info
from backend.checkout.models import Checkout
from backend.checkout.selectors import checkout_get_for_user
from backend.core.db.rows import prepared_cursor
from backend.core.db.writes import insert
from backend.core.errors import NotFound
from backend.core.metadata import metadata_merged
from backend.core.money import apportion
from backend.discounts.services import voucher_use
from backend.inventory.allocations import InsufficientStock, allocation_apply, allocation_plan
from backend.orders.events import order_event
from backend.orders.models import (
    FulfillmentGroup,
    Order,
    OrderEventType,
    OrderLine,
    OrderStatus,
    PaymentMethod,
)
from backend.orders.tasks import queue_order_placed_emails
from backend.payments.gateways import GATEWAYS
from backend.payments.gateways.cod import cod_gateway
from backend.shipping.models import DeliveryMethodType
from backend.webhooks.event_types import WebhookEventType
from backend.webhooks.payloads import order_payload
from backend.webhooks.services import webhook_event_emit

METHOD_BY_GATEWAY_ID = {gateway_id: gateway.method for gateway_id, gateway in GATEWAYS.items()}


def _error(field: str | None, message: Any, code: Code, **params: Any) -> ValidationError:
    error = ValidationError(message, code=code.value, params=params)
    return ValidationError({field: error}) if field else error


def payment_method_from(payment_data: Any, metadata: dict[str, str]) -> str:
    """The gateway asked for in ``paymentData`` ({"gateway": "vietqr"}, as JSON text or
    parsed) or in metadata ``payment_method``; cash on delivery by default."""
    requested: Any = metadata.get("payment_method") or metadata.get("gateway")
    if payment_data:
        data = payment_data
        if isinstance(data, str):
            try:
                data = json.loads(data)
            except ValueError:
                data = None
        if not isinstance(data, dict):
            raise _error("payment_data", _("Dữ liệu thanh toán không hợp lệ."), Code.INVALID)
        requested = data.get("gateway") or data.get("id") or requested
    requested = str(requested or PaymentMethod.COD).strip().lower()
    # Checkout.availablePaymentGateways gives gateway ids ("ocop.payments.cod").
    requested = METHOD_BY_GATEWAY_ID.get(requested, requested)
    if requested not in PaymentMethod.values:
        raise _error("payment_data", _("Phương thức thanh toán không hỗ trợ."), Code.PAYMENT_ERROR)
    return requested


def _may_read_order(actor: Any, order: Order) -> bool:
    if order.user_id is None:
        return True  # a guest proves ownership by holding the checkout token
    return bool(getattr(actor, "is_authenticated", False) and actor.pk == order.user_id)


def _existing_order(actor: Any, token: uuid.UUID) -> Order | None:
    with prepared_cursor() as cursor:  # the usual answer is "none": no ORM compile for it
        cursor.execute("SELECT id FROM orders_order WHERE checkout_token = %s::uuid", [token])
        if cursor.fetchone() is None:
            return None
    order = Order.objects.filter(checkout_token=token).first()
    if order is not None and not _may_read_order(actor, order):
        raise NotFound(str(_("Không tìm thấy giỏ hàng.")), field="id")
    return order


def _validate(info: CheckoutInfo) -> None:
    checkout = info.checkout
    if not info.lines:
        raise _error("lines", _("Giỏ hàng trống."), Code.NO_LINES)
    if not (checkout.email or (checkout.user and checkout.user.email)):
        raise _error("email", _("Hãy nhập email."), Code.EMAIL_NOT_SET)
    for line in info.lines:
        if line.problem is not None:
            raise _error(
                "lines",
                _("Có sản phẩm hiện không bán được."),
                line.problem,
                variant_pks=[line.line.variant_id],
            )
    for group in info.groups:
        if not group.is_shipping_required:
            continue
        if group.selected is None:
            if group.chosen_method_id is None and checkout.shipping_address is None:
                raise _error(
                    "shipping_address",
                    _("Hãy nhập địa chỉ giao hàng."),
                    Code.SHIPPING_ADDRESS_NOT_SET,
                )
            code = (
                Code.SHIPPING_METHOD_NOT_SET
                if group.chosen_method_id is None
                else Code.INVALID_SHIPPING_METHOD
            )
            raise _error(
                "delivery_method_id",
                _("Hãy chọn cách giao hàng cho sản phẩm của %(producer)s."),
                code,
                producer=group.producer.name,
            )
    if checkout.shipping_address is None and checkout.billing_address is None:
        raise _error(
            "billing_address", _("Hãy nhập địa chỉ thanh toán."), Code.BILLING_ADDRESS_NOT_SET
        )
    if checkout.voucher_code and info.voucher is None:
        raise _error(
            "promo_code", _("Mã khuyến mãi không còn dùng được."), Code.VOUCHER_NOT_APPLICABLE
        )


def _insufficient_stock(variant_ids: list[int]) -> ValidationError:
    return _error(
        "lines",
        _("Không đủ hàng trong kho cho một số sản phẩm."),
        Code.INSUFFICIENT_STOCK,
        variant_pks=sorted(variant_ids),
    )


def _customer_email(checkout: Checkout) -> str:
    return checkout.email or (checkout.user.email if checkout.user else "")


def _copy(address: Address) -> Address:
    """A new row with ``address``'s values (loaded with the checkout: no read needed)."""
    copy = copy_module.copy(address)
    copy.pk = None
    insert([copy])
    return copy


def _save_addresses(checkout: Checkout) -> None:
    """Saleor's saveAddress: a signed-in shopper's addresses go to their address book."""
    if checkout.user is None:
        return
    for address_type in AddressType.values:
        address = getattr(checkout, f"{address_type}_address")
        if address is not None and getattr(checkout, f"save_{address_type}_address"):
            address_book_store(user=checkout.user, address=address, address_type=address_type)


def _create_order(
    info: CheckoutInfo, *, actor: Any, payment_method: str, **extra: Any
) -> tuple[Order, list[FulfillmentGroup], list[OrderLine]]:
    checkout = info.checkout
    # The checkout's addresses are private copies already: the order takes them over.
    shipping = checkout.shipping_address
    billing = checkout.billing_address or (_copy(shipping) if shipping else None)
    order = Order(
        checkout_token=checkout.token,
        channel=checkout.channel,
        user=checkout.user,
        user_email=_customer_email(checkout),
        status=OrderStatus.UNFULFILLED,
        language_code=checkout.language_code,
        shipping_address=shipping,
        billing_address=billing,
        customer_note=checkout.customer_note,
        voucher=info.voucher,
        voucher_code=info.voucher.code if info.voucher else "",
        subtotal_amount=info.subtotal,
        shipping_amount=info.shipping,
        discount_amount=info.discount,
        total_amount=info.total,
        payment_method=payment_method,
        **extra,
    )
    insert([order])
    groups = [
        FulfillmentGroup(
            order=order,
            producer=group.producer,
            fulfillment_order=index,
            delivery_method=group.selected.method if group.selected else None,
            shipping_method_name=group.selected.method.name if group.selected else "",
            is_pickup=bool(
                group.selected and group.selected.method.type == DeliveryMethodType.PICKUP
            ),
            shipping_price_amount=group.shipping_price,
            subtotal_amount=group.subtotal,
            discount_amount=group.discount,
        )
        for index, group in enumerate(info.groups, start=1)
    ]
    insert(groups)
    group_by_producer = {group.producer_id: group for group in groups}
    language = checkout.language_code
    # Each producer's voucher share is spread over its lines (largest remainder).
    line_discounts: dict[int, int] = {}
    for group in info.groups:
        line_discounts |= apportion(
            group.discount, {line.line.pk: line.total_price for line in group.lines}
        )
    lines = [
        OrderLine(
            order=order,
            fulfillment_group=group_by_producer[line.facts.variant.product.producer_id],
            producer_id=line.facts.variant.product.producer_id,
            variant=line.facts.variant,
            product_name=line.facts.variant.product.name,
            variant_name=line.facts.variant.name,
            translated_product_name=line.facts.variant.product.name if language == "vi" else "",
            product_sku=line.facts.variant.sku,
            is_shipping_required=line.facts.variant.product.product_type.is_shipping_required,
            quantity=line.line.quantity,
            undiscounted_unit_price_amount=line.unit_price,
            undiscounted_total_price_amount=line.total_price,
            discount_amount=line_discounts[line.line.pk],
            metadata=line.line.metadata,
            private_metadata=line.line.private_metadata,
        )
        for line in info.lines
    ]
    insert(lines)
    return order, groups, lines


def _checkout_delete(checkout: Checkout) -> None:
    """The checkout with its lines and delivery choices, in one statement: nothing else
    refers to a checkout, and Django's deletion collector cost more than the deletes."""
    with prepared_cursor() as cursor:
        cursor.execute(
            """
            WITH lines AS (DELETE FROM checkout_checkoutline WHERE checkout_id = %(token)s::uuid),
                 deliveries AS (
                     DELETE FROM checkout_checkoutdelivery WHERE checkout_id = %(token)s::uuid
                 )
            DELETE FROM checkout_checkout WHERE token = %(token)s::uuid
            """,
            {"token": checkout.pk},
        )


def checkout_complete(
    *,
    actor: Any,
    token: uuid.UUID | str,
    payment_data: Any = None,
    metadata: dict[str, str] | None = None,
    redirect_url: str = "",
) -> Order:
    """The order for checkout ``token``: created now, or the one an earlier call created."""
    metadata = metadata or {}
    try:
        token = token if isinstance(token, uuid.UUID) else uuid.UUID(str(token))
    except ValueError:
        raise NotFound(str(_("Không tìm thấy giỏ hàng.")), field="id") from None
    existing = _existing_order(actor, token)
    if existing is not None:
        return existing
    payment_method = payment_method_from(payment_data, metadata)
    with transaction.atomic():
        try:
            checkout = checkout_get_for_user(actor=actor, token=token, for_update=True)
        except NotFound:
            # A concurrent call held the lock and finished first: answer with its order.
            existing = _existing_order(actor, token)
            if existing is not None:
                return existing
            raise
        info = checkout_info(checkout)
        _validate(info)
        # Saleor: checkoutComplete(metadata) is set on the checkout, so the order gets both.
        order_metadata = metadata_merged(checkout.metadata, metadata, field="metadata")
        if payment_method == PaymentMethod.COD and not cod_gateway.is_available(amount=info.total):
            raise _error(
                "payment_data",
                _("Đơn hàng vượt quá giá trị tối đa cho thanh toán khi nhận hàng."),
                Code.PAYMENT_ERROR,
            )
        wanted: dict[int, int] = {}
        for line in info.lines:
            if line.facts.variant.track_inventory:
                wanted[line.line.variant_id] = line.line.quantity
        # Stock as read with the prices: a sold-out cart is refused before anything is written.
        short = [line.line.variant_id for line in info.lines if line.insufficient_stock]
        if short:
            raise _insufficient_stock(short)
        order, groups, lines = _create_order(
            info,
            actor=actor,
            payment_method=payment_method,
            metadata=order_metadata,
            private_metadata=checkout.private_metadata,
            redirect_url=redirect_url,
        )
        _save_addresses(checkout)
        order_event(order=order, type=OrderEventType.PLACED, user=actor)
        _checkout_delete(checkout)
        # The rows every buyer shares (stock, the voucher) are locked last, so each
        # completion holds them only for these statements and the commit. Stock is checked
        # again under the lock; a refusal here rolls the whole order back.
        try:
            plan = allocation_plan(channel=checkout.channel, wanted=wanted)
        except InsufficientStock as exc:
            raise _insufficient_stock(exc.variant_ids) from exc
        allocation_apply(
            plan, {line.variant_id: line.pk for line in lines if line.variant_id is not None}
        )
        if info.voucher is not None:
            voucher_use(
                info.voucher,
                user_id=checkout.user_id,
                email=_customer_email(checkout),
                placing_order_id=order.pk,
            )
        webhook_event_emit(
            event_type=WebhookEventType.ORDER_CREATED, payload=partial(order_payload, order)
        )
        queue_order_placed_emails(order.pk, [group.pk for group in groups])
    return order
