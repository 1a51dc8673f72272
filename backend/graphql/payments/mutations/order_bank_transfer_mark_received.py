from __future__ import annotations

from typing import Any

import graphene

from backend.accounts.roles import is_staff
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.payments.mutations.common import decode_global_id, whole_dong
from backend.graphql.payments.scalars import PositiveDecimal
from backend.graphql.payments.types import PaymentError, TransactionItem
from backend.payments import reconciliation, selectors


class OrderBankTransferMarkReceived(BaseMutation):
    transaction = graphene.Field(TransactionItem, description="The VietQR transaction.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the order.")
        amount = graphene.Argument(PositiveDecimal, required=True, description="Amount received.")
        bank_reference = graphene.String(required=True, description="The bank's reference.")

    class Meta:
        description = (
            "OCOP extension: staff record a bank transfer received on the collection account; "
            "it settles a flagged bank notice with the same reference."
        )
        error_type_class = PaymentError
        permission_check = is_staff

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        _type, key = decode_global_id(data["id"], allowed={"Order"})
        order = selectors.order_get_for_payment(actor=info.context.user, reference=key)
        transaction = reconciliation.bank_transfer_mark_received(
            actor=info.context.user,
            order=order,
            amount=whole_dong(data["amount"]) or 0,
            bank_reference=data["bank_reference"],
        )
        return cls.success(transaction=transaction)
