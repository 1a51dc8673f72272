"""The order status machine: the one place that changes ``Order.status``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from backend.orders.events import order_event
from backend.orders.models import Order, OrderEventType, OrderStatus

S = OrderStatus
TRANSITIONS: dict[str, frozenset[str]] = {
    S.UNCONFIRMED: frozenset({S.UNFULFILLED, S.CANCELED, S.EXPIRED}),
    S.UNFULFILLED: frozenset({S.PARTIALLY_FULFILLED, S.FULFILLED, S.CANCELED, S.EXPIRED}),
    S.PARTIALLY_FULFILLED: frozenset({S.FULFILLED, S.PARTIALLY_RETURNED, S.RETURNED}),
    S.FULFILLED: frozenset({S.PARTIALLY_RETURNED, S.RETURNED}),
    S.PARTIALLY_RETURNED: frozenset({S.RETURNED}),
    S.RETURNED: frozenset(),
    S.CANCELED: frozenset(),
    S.EXPIRED: frozenset(),
}


def can_transition(current: str, new: str) -> bool:
    return new in TRANSITIONS.get(current, frozenset())


def order_status_set(
    *,
    order: Order,
    status: str,
    actor: Any,
    event: OrderEventType,
    code: str = "INVALID",
    **params: Any,
) -> Order:
    """Move ``order`` to ``status`` and record ``event``; ValidationError(code) if illegal."""
    if not can_transition(order.status, status):
        raise ValidationError(
            _("Không thể chuyển đơn hàng từ “%(current)s” sang “%(new)s”."),
            code=code,
            params={"current": order.get_status_display(), "new": OrderStatus(status).label},
        )
    previous = order.status
    order.status = status
    order.save(update_fields=["status", "updated_at"])
    order_event(
        order=order, type=event, user=actor, previous_status=previous, status=status, **params
    )
    return order
