from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.ids import pk_from_global_id
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.orders.enums import OrderChargeStatusEnum
from backend.graphql.payments.types import PaymentError
from backend.orders.producer_access import is_staff_or_producer_member
from backend.payments import services


class OrderFulfillmentGroupCashCollect(BaseMutation):
    charge_status = graphene.Field(
        OrderChargeStatusEnum, description="The order's charge status afterwards."
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of the delivered fulfilment group.")

    class Meta:
        description = (
            "OCOP extension: the cash for one producer's delivered group was collected. The "
            "order is paid when every group is. Staff and members of the group's producer."
        )
        error_type_class = PaymentError
        permission_check = staticmethod(is_staff_or_producer_member)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        group = services.fulfillment_group_cash_collect(
            actor=info.context.user,
            group_id=pk_from_global_id(data["id"], type_name="FulfillmentGroup"),
        )
        group.order.refresh_from_db()
        return cls.success(charge_status=group.order.charge_status)
