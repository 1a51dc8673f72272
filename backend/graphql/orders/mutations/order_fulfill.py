from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from backend.core.errors import NotFound
from backend.graphql.core.ids import pk_from_global_id
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.orders.mutations.base import order_for
from backend.graphql.orders.types import Fulfillment, Order, OrderError
from backend.orders import services
from backend.orders.selectors import fulfillment_groups_for_user, order_lines_for_user


class OrderFulfillStockInput(graphene.InputObjectType):
    quantity = graphene.Int(required=True, description="Units (the whole line is shipped).")
    warehouse = graphene.ID(required=True, description="Accepted for Saleor compatibility.")


class OrderFulfillLineInput(graphene.InputObjectType):
    order_line_id = graphene.ID(description="A line of the producer group to ship.")
    stocks = graphene.List(
        graphene.NonNull(OrderFulfillStockInput), required=True, description="Stocks."
    )


class OrderFulfillInput(graphene.InputObjectType):
    lines = graphene.List(
        graphene.NonNull(OrderFulfillLineInput),
        required=True,
        description="Lines of one producer group (the whole group ships together).",
    )
    notify_customer = graphene.Boolean(description="Accepted for Saleor compatibility.")
    allow_stock_to_be_exceeded = graphene.Boolean(description="Not honoured.")
    tracking_number = graphene.String(description="Carrier tracking number.")
    carrier = graphene.String(description="OCOP extension: the carrier (VNPost, GHN...).")
    fulfillment_id = graphene.ID(
        description="OCOP extension: the producer group (Fulfillment) to ship, instead of lines."
    )


class OrderFulfill(BaseMutation):
    order = graphene.Field(Order, description="The order.")
    fulfillments = graphene.List(Fulfillment, description="The group shipped.")

    class Arguments:
        order = graphene.ID(description="ID of the order.")
        input = OrderFulfillInput(required=True, description="What ships.")

    class Meta:
        description = (
            "Ship one producer's group: staff or members of that producer. Stock leaves the "
            "warehouse; the order becomes partially fulfilled or fulfilled."
        )
        error_type_class = OrderError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        order = order_for(info, data.get("order"), field="order")
        value = data["input"]
        # Only the groups the actor may see: another producer's group is NOT_FOUND.
        user = info.context.user
        groups = fulfillment_groups_for_user(actor=user, order=order)
        if value.get("fulfillment_id"):
            group_pk = pk_from_global_id(
                value["fulfillment_id"], type_name="Fulfillment", field="fulfillment_id"
            )
            group = groups.filter(pk=group_pk).first()
            if group is None:
                raise NotFound(str(_("Không tìm thấy nhóm giao hàng.")), field="fulfillmentId")
        else:
            line_pks = {
                pk_from_global_id(line.get("order_line_id"), type_name="OrderLine", field="lines")
                for line in value["lines"]
            }
            group_pks = set(
                order_lines_for_user(actor=user, order=order)
                .filter(pk__in=line_pks)
                .values_list("fulfillment_group_id", flat=True)
            )
            group = groups.filter(pk=group_pks.pop()).first() if len(group_pks) == 1 else None
        if group is None:
            raise ValidationError(
                {
                    "lines": ValidationError(
                        "Choose the lines of one producer group.", code="INVALID"
                    )
                }
            )
        services.order_fulfill(
            actor=info.context.user,
            order=order,
            group=group,
            tracking_number=value.get("tracking_number") or "",
            carrier=value.get("carrier") or "",
        )
        return cls.success(order=order, fulfillments=[group])
