"""Metadata writes on orders and their lines (Saleor's updateMetadata and friends).

An order is a record of a sale the buyer and its producers rely on, so its metadata,
public or private, is written by staff only (Saleor asks for MANAGE_ORDERS); buyers and
producer members read the public half. The caller fetched the order with
``order_get_for_user`` or the line with ``order_line_get_for_user``, with
``for_update=True``. Every change moves the order's ``updated_at``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from backend.accounts.roles import is_staff
from backend.core.errors import PermissionDenied
from backend.core.metadata import metadata_attribute, metadata_set, metadata_unset
from backend.orders.models import Order, OrderLine


def _attribute(actor: Any, private: bool) -> str:
    if not is_staff(actor):
        raise PermissionDenied()
    return metadata_attribute(actor=actor, private=private)


def _touch(order: Order) -> None:
    order.save(update_fields=["updated_at"])  # auto_now: a line's change is its order's


def order_metadata_update(
    *, actor: Any, order: Order, items: Mapping[str, str], private: bool = False
) -> Order:
    """Set metadata keys on the order."""
    attribute = _attribute(actor, private)
    metadata_set(order, attribute=attribute, items=items, touch=["updated_at"])
    return order


def order_metadata_delete(
    *, actor: Any, order: Order, keys: Sequence[str], private: bool = False
) -> Order:
    """Remove metadata keys from the order; absent ones are ignored (Saleor)."""
    attribute = _attribute(actor, private)
    metadata_unset(order, attribute=attribute, keys=keys, touch=["updated_at"])
    return order


def order_line_metadata_update(
    *, actor: Any, line: OrderLine, items: Mapping[str, str], private: bool = False
) -> OrderLine:
    """Set metadata keys on one line of an order."""
    attribute = _attribute(actor, private)
    metadata_set(line, attribute=attribute, items=items)
    _touch(line.order)
    return line


def order_line_metadata_delete(
    *, actor: Any, line: OrderLine, keys: Sequence[str], private: bool = False
) -> OrderLine:
    """Remove metadata keys from one line of an order; absent ones are ignored."""
    attribute = _attribute(actor, private)
    metadata_unset(line, attribute=attribute, keys=keys)
    _touch(line.order)
    return line
