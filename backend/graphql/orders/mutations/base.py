"""Shared by order mutations: finding the order the actor may act on."""

from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.global_ids import pk_from_global_id
from backend.orders.models import Order
from backend.orders.selectors import order_get_for_user


def order_for(info: graphene.ResolveInfo, global_id: Any, field: str = "id") -> Order:
    pk = pk_from_global_id(global_id, type_name="Order", field=field)
    return order_get_for_user(actor=info.context.user, order_id=pk, for_update=True)
