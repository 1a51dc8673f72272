from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.mutations import BaseMutation
from backend.graphql.orders.mutations.base import order_for
from backend.graphql.orders.types import Order, OrderError
from backend.orders import services


class OrderMarkAsPaid(BaseMutation):
    order = graphene.Field(Order, description="The order.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the order.")
        transaction_reference = graphene.String(
            description="Reference of the money received (bank transfer or receipt number)."
        )

    class Meta:
        description = (
            "Staff: record a payment received outside the gateways, as a manual transaction "
            "(never as if it came through COD, VietQR or Stripe)."
        )
        error_type_class = OrderError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        order = order_for(info, data["id"])
        services.order_mark_as_paid(
            actor=info.context.user,
            order=order,
            transaction_reference=data.get("transaction_reference") or "",
        )
        return cls.success(order=order)
