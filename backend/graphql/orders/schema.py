"""Order queries and mutations, with Saleor's names."""

from __future__ import annotations

from typing import Any

import graphene
from django.db.models import Q, QuerySet

from backend.core.errors import NotFound
from backend.graphql.core.connection import connection_args, resolve_connection
from backend.graphql.core.enums import OrderDirection
from backend.graphql.core.global_ids import pk_from_global_id
from backend.graphql.orders.enums import OrderChargeStatusEnum, OrderSortField, OrderStatus
from backend.graphql.orders.mutations.order_cancel import OrderCancel
from backend.graphql.orders.mutations.order_fulfill import OrderFulfill
from backend.graphql.orders.mutations.order_mark_as_paid import OrderMarkAsPaid
from backend.graphql.orders.types import Order, OrderCountableConnection
from backend.orders.selectors import (
    ORDER_PREFETCH,
    ORDER_SELECT,
    customer_orders,
    order_get_for_user,
    order_list_for_user,
)


class OrderFilterInput(graphene.InputObjectType):
    status = graphene.List(graphene.NonNull(OrderStatus), description="Any of these statuses.")
    charge_status = graphene.List(
        graphene.NonNull(OrderChargeStatusEnum), description="Any of these charge statuses."
    )
    customer = graphene.String(description="Part of the customer's email or name.")
    search = graphene.String(description="Order number or customer email.")
    numbers = graphene.List(graphene.NonNull(graphene.String), description="Order numbers.")


class OrderSortingInput(graphene.InputObjectType):
    direction = graphene.Field(OrderDirection, required=True, description="Direction.")
    field = graphene.Field(OrderSortField, required=True, description="Field.")


SORT_FIELDS = {
    "number": "number",
    "created_at": "created_at",
    "creation_date": "created_at",
    "updated_at": "updated_at",
    "status": "status",
}


def _value(item: Any) -> Any:
    return getattr(item, "value", item)


def _search(orders: QuerySet[Any], text: str) -> QuerySet[Any]:
    text = text.strip().lstrip("#")
    condition = Q(user_email__icontains=text)
    if text.isdigit():
        condition |= Q(number=int(text))
    return orders.filter(condition)


def _filtered(orders: QuerySet[Any], data: dict[str, Any]) -> QuerySet[Any]:
    filters = data.get("filter") or {}
    if filters.get("status"):
        orders = orders.filter(status__in=[_value(s) for s in filters["status"]])
    if filters.get("charge_status"):
        orders = orders.filter(charge_status__in=[_value(s) for s in filters["charge_status"]])
    if filters.get("customer"):
        text = filters["customer"]
        orders = orders.filter(
            Q(user_email__icontains=text)
            | Q(user__first_name__icontains=text)
            | Q(user__last_name__icontains=text)
        )
    if filters.get("numbers"):
        orders = orders.filter(number__in=[n for n in filters["numbers"] if n.isdigit()])
    for text in (filters.get("search"), data.get("search")):
        if text:
            orders = _search(orders, text)
    return orders


def orders_connection(orders: QuerySet[Any], data: dict[str, Any], name: str) -> Any:
    sort = data.get("sort_by") or {}
    field = SORT_FIELDS[_value(sort.get("field")) or "number"]
    descending = _value(sort.get("direction")) != "asc" if sort else True
    orders = orders.select_related(*ORDER_SELECT).prefetch_related(*ORDER_PREFETCH)
    return resolve_connection(
        OrderCountableConnection,
        orders,
        data,
        sort_fields=[field],
        descending=descending,
        connection_name=name,
    )


def resolve_customer_orders(user: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
    """``me.orders``: the signed-in person's own orders."""
    return orders_connection(customer_orders(actor=info.context.user), data, "orders")


class OrderQueries(graphene.ObjectType):
    order = graphene.Field(
        Order,
        id=graphene.ID(description="ID of the order."),
        external_reference=graphene.String(description="Not supported; always null."),
        description="An order its buyer, its producers' members or staff may see.",
    )
    orders = graphene.Field(
        OrderCountableConnection,
        **connection_args(),
        filter=OrderFilterInput(description="Filter orders."),
        sort_by=OrderSortingInput(description="Sort orders."),
        search=graphene.String(description="Order number or customer email."),
        channel=graphene.String(description="Channel slug."),
        description="Orders the caller may see (staff: all; producer members: theirs).",
    )

    @staticmethod
    def resolve_order(root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        if not data.get("id"):
            return None
        pk = pk_from_global_id(data["id"], type_name="Order")
        try:
            order = order_get_for_user(actor=info.context.user, order_id=pk)
        except NotFound:
            return None
        return order

    @staticmethod
    def resolve_orders(root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        orders = _filtered(order_list_for_user(actor=info.context.user), data)
        if data.get("channel"):
            orders = orders.filter(channel__slug=data["channel"])
        return orders_connection(orders, data, "orders")


class OrderMutations(graphene.ObjectType):
    order_cancel = OrderCancel.Field(description="Cancel an order.")
    order_fulfill = OrderFulfill.Field(description="Ship a producer's group.")
    order_mark_as_paid = OrderMarkAsPaid.Field(description="Record a payment (staff).")
