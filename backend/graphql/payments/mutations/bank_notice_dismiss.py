from __future__ import annotations

from typing import Any

import graphene

from backend.accounts.roles import is_staff
from backend.graphql.core.ids import pk_from_global_id
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.payments.bank_notice_types import BankNotice
from backend.graphql.payments.types import PaymentError
from backend.payments import reconciliation


class BankNoticeDismiss(BaseMutation):
    bank_notice = graphene.Field(BankNotice, description="The dismissed notice.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the flagged bank notice.")
        reason = graphene.String(
            required=True, description="Why (money sent back, not a payment...); kept."
        )

    class Meta:
        description = (
            "OCOP extension, staff: close a flagged bank notice without recording money. "
            "ALREADY_RESOLVED when settled before."
        )
        error_type_class = PaymentError
        permission_check = is_staff

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        notice = reconciliation.bank_notice_dismiss(
            actor=info.context.user,
            notice_id=pk_from_global_id(data["id"], type_name="BankNotice"),
            reason=data["reason"],
        )
        return cls.success(bank_notice=notice)
