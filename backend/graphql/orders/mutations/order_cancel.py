from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.mutations import BaseMutation
from backend.graphql.orders.mutations.base import order_for
from backend.graphql.orders.types import Order, OrderError
from backend.orders import services


class OrderCancel(BaseMutation):
    order = graphene.Field(Order, description="The cancelled order.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the order.")

    class Meta:
        description = "Cancel an order nothing of which has shipped; reserved stock goes back."
        error_type_class = OrderError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        order = order_for(info, data["id"])
        return cls.success(order=services.order_cancel(actor=info.context.user, order=order))
