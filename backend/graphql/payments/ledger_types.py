"""OCOP extension: a producer's money (ledger entries, balance, payouts, monthly statements).

Saleor has no sellers, so these types are ours. Amounts are whole đồng and signed from the
producer's side: what the platform owes the producer is positive; commission, withheld
tax, refunds and payouts are negative.
"""

from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.connection import CountableConnection
from backend.graphql.core.ids import to_global_id
from backend.graphql.core.types import Money
from backend.graphql.payments import enums
from backend.graphql.producers.types import Producer
from backend.payments import statements
from backend.payments.models import LedgerEntry
from backend.payments.selectors import Statement


class ProducerLedgerEntry(graphene.ObjectType):
    """One line of a producer's payouts ledger; never changed once written."""

    id = graphene.ID(required=True, description="The entry's ID.")
    kind = graphene.Field(
        enums.ProducerLedgerEntryKindEnum, required=True, description="What the line is."
    )
    amount = graphene.Field(
        Money,
        required=True,
        description="Signed amount: positive is owed to the producer; deductions, refunds and "
        "payouts are negative.",
    )
    order_number = graphene.String(description="Number of the order the line comes from.")
    rate_percent = graphene.Float(description="Commission or tax rate applied, in percent.")
    reference = graphene.String(
        required=True, description="Order number, refund or payout reference."
    )
    paid_on = graphene.Date(description="Payouts: the day the money was sent.")
    created_at = graphene.DateTime(required=True, description="When the line was recorded.")

    class Meta:
        description = "OCOP: one line of a producer's payouts ledger."

    @staticmethod
    def resolve_id(root: LedgerEntry, info: graphene.ResolveInfo) -> str:
        return to_global_id("ProducerLedgerEntry", root.pk)

    @staticmethod
    def resolve_kind(root: LedgerEntry, info: graphene.ResolveInfo) -> str:
        return str(root.kind)

    @staticmethod
    def resolve_amount(root: LedgerEntry, info: graphene.ResolveInfo) -> Money:
        return Money.of(root.amount)

    @staticmethod
    def resolve_order_number(root: LedgerEntry, info: graphene.ResolveInfo) -> str | None:
        return str(root.order.number) if root.order_id and root.order else None

    @staticmethod
    def resolve_rate_percent(root: LedgerEntry, info: graphene.ResolveInfo) -> float | None:
        return None if root.rate_percent is None else float(root.rate_percent)

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | LedgerEntry)


class ProducerLedgerEntryCountableConnection(CountableConnection):
    class Meta:
        node = ProducerLedgerEntry
        description = "A page of ledger entries."


class ProducerBalance(graphene.ObjectType):
    """What the platform owes a producer now and later."""

    producer = graphene.Field(Producer, required=True, description="The producer.")
    payable = graphene.Field(
        Money,
        required=True,
        description="Owed now: delivered more than the return window ago, less payouts. "
        "Negative when refunds took back money already paid out; it carries forward.",
    )
    pending = graphene.Field(
        Money,
        required=True,
        description="Earned but not yet payable (not delivered, or inside the return window).",
    )
    total = graphene.Field(Money, required=True, description="Payable plus pending.")

    class Meta:
        description = "OCOP: a producer's balance."

    @staticmethod
    def of(producer: Any, balance: dict[str, int]) -> ProducerBalance:
        return ProducerBalance(
            producer=producer,
            payable=Money.of(balance["payable"]),
            pending=Money.of(balance["pending"]),
            total=Money.of(balance["payable"] + balance["pending"]),
        )


def _statement_url(fmt: str) -> Any:
    def resolve(root: Statement, info: graphene.ResolveInfo) -> str:
        return statements.statement_url(
            producer=root.producer,
            year=root.month.year,
            month=root.month.month,
            fmt=fmt,
            user=info.context.user,
        )

    return resolve


class ProducerStatement(graphene.ObjectType):
    """One calendar month (Việt Nam time) of a producer's ledger."""

    producer = graphene.Field(Producer, required=True, description="The producer.")
    month = graphene.Date(required=True, description="First day of the month.")
    opening_balance = graphene.Field(
        Money, required=True, description="Balance carried from earlier months."
    )
    closing_balance = graphene.Field(
        Money, required=True, description="Balance at the end of the month."
    )
    entries = graphene.List(
        graphene.NonNull(ProducerLedgerEntry),
        required=True,
        description="The month's entries, oldest first.",
    )
    csv_url = graphene.String(
        required=True,
        description="Download link (CSV), signed for the requesting user, valid 15 minutes.",
        resolver=_statement_url("csv"),
    )
    xlsx_url = graphene.String(
        required=True,
        description="Download link (XLSX), signed for the requesting user, valid 15 minutes.",
        resolver=_statement_url("xlsx"),
    )

    class Meta:
        description = "OCOP: a producer's monthly statement."

    @staticmethod
    def resolve_opening_balance(root: Statement, info: graphene.ResolveInfo) -> Money:
        return Money.of(root.opening_balance)

    @staticmethod
    def resolve_closing_balance(root: Statement, info: graphene.ResolveInfo) -> Money:
        return Money.of(root.closing_balance)
