"""Order writes: cancel, fulfil a producer's group, mark as paid, expire unpaid transfers.

Status changes go through ``orders.status.order_status_set`` (transition table + event).
Callers fetch the order with ``order_get_for_user(..., for_update=True)``.
"""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.accounts.roles import is_staff
from backend.core.errors import PermissionDenied
from backend.discounts.services import voucher_release
from backend.inventory.allocations import allocations_consume, allocations_release
from backend.orders.error_codes import OrderErrorCode as Code
from backend.orders.events import order_event
from backend.orders.models import (
    FulfillmentGroup,
    FulfillmentStatus,
    Order,
    OrderChargeStatus,
    OrderEventType,
    OrderStatus,
    PaymentMethod,
)
from backend.orders.producer_access import producer_ids_for_user
from backend.orders.status import can_transition, order_status_set
from backend.payments.manual import order_payment_mark_received
from backend.webhooks.event_types import WebhookEventType
from backend.webhooks.payloads import order_payload
from backend.webhooks.services import webhook_event_emit

CANCELLABLE = (OrderStatus.UNCONFIRMED, OrderStatus.UNFULFILLED)


def _release(order: Order) -> None:
    allocations_release(order.lines.values_list("pk", flat=True))
    order.fulfillment_groups.update(status=FulfillmentStatus.CANCELED)
    if order.voucher_id is not None:
        voucher_release(order.voucher_id)


def order_cancel(
    *, actor: Any, order: Order, event: OrderEventType = OrderEventType.CANCELED
) -> Order:
    """Cancel an order nothing of which has shipped; its reserved stock goes back."""
    if actor is not None and not is_staff(actor):
        raise PermissionDenied()
    shipped = order.fulfillment_groups.filter(status=FulfillmentStatus.FULFILLED).exists()
    if shipped or order.status not in CANCELLABLE:
        raise ValidationError(
            _("Không thể hủy đơn hàng đã giao hoặc đã đóng."), code=Code.CANNOT_CANCEL_ORDER.value
        )
    _release(order)
    status = OrderStatus.CANCELED
    order = order_status_set(order=order, status=status, actor=actor, event=event)
    webhook_event_emit(
        event_type=WebhookEventType.ORDER_CANCELLED, payload=partial(order_payload, order)
    )
    return order


def _may_fulfil(actor: Any, group: FulfillmentGroup) -> bool:
    return is_staff(actor) or group.producer_id in producer_ids_for_user(actor)


def order_fulfill(
    *,
    actor: Any,
    order: Order,
    group: FulfillmentGroup,
    tracking_number: str = "",
    carrier: str = "",
) -> FulfillmentGroup:
    """Ship one producer's whole group: its stock leaves the warehouse, the order moves on."""
    if not _may_fulfil(actor, group):
        raise PermissionDenied()
    if group.order_id != order.pk or group.status != FulfillmentStatus.UNFULFILLED:
        raise ValidationError(
            {
                "lines": ValidationError(
                    _("Nhóm hàng này đã được giao hoặc đã hủy."), code=Code.FULFILL_ORDER_LINE.value
                )
            }
        )
    if order.payment_method != PaymentMethod.COD and not order.is_paid:
        raise ValidationError(
            _("Đơn hàng chưa được thanh toán."), code=Code.CANNOT_FULFILL_UNPAID_ORDER.value
        )
    remaining = order.fulfillment_groups.exclude(pk=group.pk).filter(
        status=FulfillmentStatus.UNFULFILLED
    )
    status = OrderStatus.PARTIALLY_FULFILLED if remaining.exists() else OrderStatus.FULFILLED
    if order.status != status and not can_transition(order.status, status):
        raise ValidationError(
            _("Đơn hàng không ở trạng thái có thể giao."), code=Code.INVALID.value
        )
    allocations_consume(group.lines.values_list("pk", flat=True))
    for line in group.lines.all():
        line.quantity_fulfilled = line.quantity
        line.save(update_fields=["quantity_fulfilled"])
    group.status = FulfillmentStatus.FULFILLED
    group.tracking_number = tracking_number.strip()[:255]
    group.carrier = carrier.strip()[:100]
    group.fulfilled_at = timezone.now()
    group.save(update_fields=["status", "tracking_number", "carrier", "fulfilled_at"])
    params: dict[str, Any] = {
        "fulfillment_group": group.pk,
        "producer": group.producer_id,
        "tracking_number": group.tracking_number,
    }
    if order.status == status:
        order_event(
            order=order, type=OrderEventType.FULFILLMENT_FULFILLED_ITEMS, user=actor, **params
        )
    else:
        order_status_set(
            order=order,
            status=status,
            actor=actor,
            event=OrderEventType.FULFILLMENT_FULFILLED_ITEMS,
            **params,
        )
    if status == OrderStatus.FULFILLED:
        webhook_event_emit(
            event_type=WebhookEventType.ORDER_FULFILLED, payload=partial(order_payload, order)
        )
    return group


def order_mark_as_paid(*, actor: Any, order: Order, transaction_reference: str = "") -> Order:
    """Staff record a payment received outside the gateways (a transfer or cash seen by hand).

    It goes through payments as a manual transaction charged by the staff member (Saleor's
    mark-as-paid transaction), which recomputes the charge status, posts the ledger entries
    and emits ORDER_PAID."""
    if not is_staff(actor):
        raise PermissionDenied()
    if order.is_paid or order.status in (OrderStatus.CANCELED, OrderStatus.EXPIRED):
        raise ValidationError(
            _("Đơn hàng đã thanh toán hoặc đã hủy."), code=Code.PAYMENT_ERROR.value
        )
    with transaction.atomic():
        order_payment_mark_received(
            actor=actor, order=order, transaction_reference=transaction_reference
        )
        order.refresh_from_db()
        order_event(
            order=order,
            type=OrderEventType.ORDER_MARKED_AS_PAID,
            user=actor,
            transaction_reference=transaction_reference,
        )
    return order


def orders_expire_unpaid(*, now: Any = None) -> int:
    """Cancel VietQR orders still unpaid after ``ORDER_UNPAID_EXPIRY_MINUTES``; their stock is
    released. Each order in its own transaction; rows other workers hold are skipped."""
    deadline = (now or timezone.now()) - timedelta(minutes=settings.ORDER_UNPAID_EXPIRY_MINUTES)
    candidates = Order.objects.filter(
        payment_method=PaymentMethod.VIETQR,
        charge_status=OrderChargeStatus.NONE,
        status__in=CANCELLABLE,
        created_at__lt=deadline,
    ).values_list("pk", flat=True)
    expired = 0
    for pk in list(candidates):
        with transaction.atomic():
            order = (
                Order.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, charge_status=OrderChargeStatus.NONE, status__in=CANCELLABLE)
                .first()
            )
            if order is None:
                continue
            order_cancel(actor=None, order=order, event=OrderEventType.EXPIRED)
            expired += 1
    return expired
