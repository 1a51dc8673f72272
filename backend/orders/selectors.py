"""Reading orders, scoped by who asks: shoppers their own orders, producer members only
their own fulfilment groups and lines, staff everything."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from backend.accounts.roles import is_staff
from backend.core.errors import NotFound
from backend.orders.models import FulfillmentGroup, Order, OrderLine
from backend.orders.producer_access import producer_ids_for_user

# What an order page needs, fetched in a constant number of queries whatever its size.
ORDER_SELECT = ("user", "channel", "shipping_address", "billing_address")
ORDER_PREFETCH = ("lines__variant__product", "fulfillment_groups__producer", "events__user")


def order_list_for_user(*, actor: Any) -> QuerySet[Order]:
    if is_staff(actor):
        return Order.objects.all()
    if not getattr(actor, "is_authenticated", False):
        return Order.objects.none()
    producer_ids = producer_ids_for_user(actor)
    condition = Q(user=actor)
    if producer_ids:
        condition |= Q(fulfillment_groups__producer_id__in=producer_ids)
        return Order.objects.filter(pk__in=Order.objects.filter(condition).values("pk"))
    return Order.objects.filter(condition)


def customer_orders(*, actor: Any) -> QuerySet[Order]:
    """``me.orders``: the signed-in person's own purchases."""
    if not getattr(actor, "is_authenticated", False):
        return Order.objects.none()
    return Order.objects.filter(user=actor)


def order_get_for_user(
    *,
    actor: Any,
    order_id: int | None = None,
    token: uuid.UUID | None = None,
    for_update: bool = False,
) -> Order:
    """The order ``order_id`` (or its ``token``) names, if ``actor`` may see it; NotFound
    otherwise, whether or not it exists."""
    key = Q(pk=order_id) if token is None else Q(token=token)
    orders = order_list_for_user(actor=actor)
    if for_update:
        orders = Order.objects.select_for_update().filter(pk__in=orders.filter(key).values("pk"))
    order = orders.filter(key).first()
    if order is None:
        raise NotFound(str(_("Không tìm thấy đơn hàng.")), field="id")
    return order


def order_line_get_for_user(*, actor: Any, line_id: int, for_update: bool = False) -> OrderLine:
    """The order line ``line_id`` names, if ``actor`` may see its order and it (a producer
    member sees only its own producer's lines); NotFound otherwise. With ``for_update`` the
    order is locked before the line, the order every order write takes."""
    not_found = NotFound(str(_("Không tìm thấy dòng đơn hàng.")), field="id")
    order_id = OrderLine.objects.filter(pk=line_id).values_list("order_id", flat=True).first()
    if order_id is None:
        raise not_found
    try:
        order = order_get_for_user(actor=actor, order_id=order_id, for_update=for_update)
    except NotFound:
        raise not_found from None
    lines = order_lines_for_user(actor=actor, order=order).filter(pk=line_id)
    if for_update:
        lines = lines.select_for_update(of=("self",))
    line = lines.first()
    if line is None:
        raise not_found
    line.order = order
    return line


def visible_producer_ids(*, actor: Any, order: Order) -> set[int] | None:
    """None: every group is visible. Else: only these producers' groups.

    Staff and the buyer see everything; so does the anonymous guest who completed a guest
    checkout (the only way an anonymous request reaches an order object at all).
    """
    signed_in = getattr(actor, "is_authenticated", False)
    if is_staff(actor) or (signed_in and order.user_id == actor.pk):
        return None
    if not signed_in and order.user_id is None:
        return None
    return producer_ids_for_user(actor)


def fulfillment_groups_for_user(*, actor: Any, order: Order) -> QuerySet[FulfillmentGroup]:
    groups = FulfillmentGroup.objects.filter(order=order)
    producer_ids = visible_producer_ids(actor=actor, order=order)
    return groups if producer_ids is None else groups.filter(producer_id__in=producer_ids)


def order_lines_for_user(*, actor: Any, order: Order) -> QuerySet[OrderLine]:
    lines = OrderLine.objects.filter(order=order)
    producer_ids = visible_producer_ids(actor=actor, order=order)
    return lines if producer_ids is None else lines.filter(producer_id__in=producer_ids)
