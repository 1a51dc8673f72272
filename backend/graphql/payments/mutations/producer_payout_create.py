from __future__ import annotations

from typing import Any

import graphene

from backend.accounts.roles import is_staff
from backend.graphql.core.ids import pk_from_global_id
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.payments.ledger_types import ProducerBalance, ProducerLedgerEntry
from backend.graphql.payments.mutations.common import whole_dong
from backend.graphql.payments.scalars import PositiveDecimal
from backend.graphql.payments.types import PaymentError
from backend.payments import ledger, selectors


class ProducerPayoutCreateInput(graphene.InputObjectType):
    producer = graphene.ID(required=True, description="ID of the producer paid.")
    amount = PositiveDecimal(required=True, description="Amount paid, in whole đồng (> 0).")
    reference = graphene.String(
        required=True, description="The bank transfer's number; unique per producer."
    )
    paid_on = graphene.Date(description="Day the money was sent; today when omitted.")

    class Meta:
        description = "A payout made to a producer outside the system."


class ProducerPayoutCreate(BaseMutation):
    payout = graphene.Field(ProducerLedgerEntry, description="The payout's ledger entry.")
    balance = graphene.Field(ProducerBalance, description="The producer's balance afterwards.")

    class Arguments:
        input = ProducerPayoutCreateInput(required=True, description="The payout.")

    class Meta:
        description = (
            "OCOP extension, staff: record money paid out to a producer (the transfer itself "
            "is made outside the system). Never more than the payable balance: advances are "
            "not payouts (PAYOUT_EXCEEDS_BALANCE); a reference recorded before is UNIQUE."
        )
        error_type_class = PaymentError
        permission_check = is_staff

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        payout = data["input"]
        actor = info.context.user
        producer = selectors.producer_get_for_ledger(
            actor=actor,
            producer_id=pk_from_global_id(
                payout["producer"], type_name="Producer", field="producer"
            ),
        )
        entry = ledger.payout_record(
            actor=actor,
            producer=producer,
            amount=whole_dong(payout["amount"]) or 0,
            reference=payout["reference"],
            paid_on=payout.get("paid_on"),
        )
        balance = ProducerBalance.of(producer, ledger.producer_balance(producer=producer))
        return cls.success(payout=entry, balance=balance)
