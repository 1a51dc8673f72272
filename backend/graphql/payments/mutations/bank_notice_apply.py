from __future__ import annotations

from typing import Any

import graphene

from backend.accounts.roles import is_staff
from backend.graphql.core.ids import pk_from_global_id
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.payments.bank_notice_types import BankNotice
from backend.graphql.payments.mutations.common import decode_global_id
from backend.graphql.payments.types import PaymentError
from backend.payments import reconciliation, selectors


class BankNoticeApply(BaseMutation):
    bank_notice = graphene.Field(BankNotice, description="The settled notice.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the flagged bank notice.")
        order = graphene.ID(description="ID of the order to pay; the one the notice names.")

    class Meta:
        description = (
            "OCOP extension, staff: record a flagged bank notice's money on an order, as a "
            "VietQR transfer received. ALREADY_RESOLVED when settled before; "
            "ORDER_NOT_PAYABLE for a cancelled or expired order; an order owing nothing or a "
            "notice not in VND is INVALID (dismiss those)."
        )
        error_type_class = PaymentError
        permission_check = is_staff

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        actor = info.context.user
        order = None
        if data.get("order"):
            _type, key = decode_global_id(data["order"], allowed={"Order"}, field="order")
            order = selectors.order_get_for_payment(actor=actor, reference=key, field="order")
        notice = reconciliation.bank_notice_apply(
            actor=actor,
            notice_id=pk_from_global_id(data["id"], type_name="BankNotice"),
            order=order,
        )
        return cls.success(bank_notice=notice)
