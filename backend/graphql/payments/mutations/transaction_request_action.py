from __future__ import annotations

from typing import Any

import graphene

from backend.accounts.roles import is_staff
from backend.graphql.core.enums import enum_value
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.payments import enums
from backend.graphql.payments.mutations.common import decode_global_id, whole_dong
from backend.graphql.payments.scalars import PositiveDecimal
from backend.graphql.payments.types import TransactionItem, TransactionRequestActionError
from backend.payments import selectors, services
from backend.payments.models import TransactionAction


class TransactionRequestAction(BaseMutation):
    transaction = graphene.Field(TransactionItem, description="The transaction.")

    class Arguments:
        id = graphene.ID(description="ID of the transaction.")
        token = graphene.UUID(description="Token of the transaction.")
        action_type = graphene.Argument(
            enums.TransactionActionEnum, required=True, description="CHARGE, REFUND or CANCEL."
        )
        amount = graphene.Argument(
            PositiveDecimal, description="Amount; defaults to all that the action can take."
        )
        refund_reason = graphene.String(description="Why the money is refunded.")

    class Meta:
        description = (
            "Staff: capture held money, refund charged money (never more than charged), or "
            "cancel what is pending. COD and VietQR refunds are money returned by hand."
        )
        error_type_class = TransactionRequestActionError
        permission_check = is_staff

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        if data.get("token"):
            key = str(data["token"])
        else:
            _type, key = decode_global_id(data.get("id"), allowed={"TransactionItem"})
        transaction = selectors.transaction_get_for_user(actor=info.context.user, token=key)
        transaction = services.transaction_request_action(
            actor=info.context.user,
            transaction=transaction,
            action=TransactionAction(str(enum_value(data["action_type"]))),
            amount=whole_dong(data.get("amount")),
        )
        return cls.success(transaction=transaction)
