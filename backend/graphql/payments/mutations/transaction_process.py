from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.mutations import BaseMutation
from backend.graphql.payments.mutations.common import decode_global_id, gateway_data
from backend.graphql.payments.scalars import JSON
from backend.graphql.payments.types import (
    TransactionEvent,
    TransactionItem,
    TransactionProcessError,
)
from backend.payments import selectors, services


class TransactionProcess(BaseMutation):
    transaction = graphene.Field(TransactionItem, description="The transaction.")
    transaction_event = graphene.Field(TransactionEvent, description="The event recorded, if any.")
    data = JSON(description="Gateway data (Stripe: status, clientSecret; VietQR: the QR again).")

    class Arguments:
        id = graphene.ID(description="ID of the transaction.")
        token = graphene.UUID(description="Token of the transaction.")
        data = JSON(description="Data for the gateway.")
        customer_ip_address = graphene.String(description="Accepted for Saleor compatibility.")

    class Meta:
        description = "Read a transaction's state back from its gateway (after Stripe Elements)."
        error_type_class = TransactionProcessError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        if data.get("token"):
            key = str(data["token"])
        else:
            _type, key = decode_global_id(data.get("id"), allowed={"TransactionItem"})
        transaction = selectors.transaction_get_for_user(actor=info.context.user, token=key)
        transaction, event, response = services.transaction_process(
            actor=info.context.user, transaction=transaction, data=gateway_data(data.get("data"))
        )
        return cls.success(transaction=transaction, transaction_event=event, data=response)
