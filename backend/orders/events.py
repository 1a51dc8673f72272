"""Order history rows. Append-only: nothing here (or anywhere) updates or deletes them."""

from __future__ import annotations

from typing import Any

from backend.core.db.writes import insert
from backend.orders.models import Order, OrderEvent, OrderEventType


def order_event(
    *, order: Order, type: OrderEventType, user: Any = None, **parameters: Any
) -> OrderEvent:
    actor = user if getattr(user, "is_authenticated", False) else None
    event = OrderEvent(order=order, type=type, user=actor, parameters=parameters)
    insert([event])
    return event
