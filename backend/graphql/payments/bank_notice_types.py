"""OCOP extension: incoming-transfer notices from the collection account's bank (staff only)."""

from __future__ import annotations

import graphene

from backend.graphql.core.connection import CountableConnection
from backend.graphql.core.ids import to_global_id
from backend.graphql.core.types import Money
from backend.graphql.payments import enums
from backend.graphql.payments.types import TransactionItem
from backend.payments.models import BankNotice as BankNoticeModel
from backend.payments.models import BankNoticeEvent as BankNoticeEventModel


class BankNoticeEvent(graphene.ObjectType):
    """One thing that happened to a bank notice (append-only)."""

    id = graphene.ID(required=True, description="The event's ID.")
    type = graphene.Field(
        enums.BankNoticeEventTypeEnum, required=True, description="What happened."
    )
    created_at = graphene.DateTime(required=True, description="When.")
    user = graphene.Field(
        "backend.graphql.account.types.User", description="Staff member who did it, if any."
    )
    order_number = graphene.String(description="The order the money was recorded on.")
    reason = graphene.String(description="Why staff dismissed the notice.")

    class Meta:
        description = "OCOP: an event in a bank notice's history."

    @staticmethod
    def resolve_id(root: BankNoticeEventModel, info: graphene.ResolveInfo) -> str:
        return to_global_id("BankNoticeEvent", root.pk)

    @staticmethod
    def resolve_type(root: BankNoticeEventModel, info: graphene.ResolveInfo) -> str:
        return str(root.type)

    @staticmethod
    def resolve_order_number(root: BankNoticeEventModel, info: graphene.ResolveInfo) -> str | None:
        number = root.parameters.get("order")
        return None if number is None else str(number)

    @staticmethod
    def resolve_reason(root: BankNoticeEventModel, info: graphene.ResolveInfo) -> str | None:
        return root.parameters.get("reason")


class BankNotice(graphene.ObjectType):
    """A transfer the bank reported on the collection account, and what became of it."""

    id = graphene.ID(required=True, description="The notice's ID.")
    bank_reference = graphene.String(required=True, description="The bank's unique reference.")
    amount = graphene.Field(Money, required=True, description="Amount, in the notice's currency.")
    description = graphene.String(required=True, description="The transfer description.")
    received_at = graphene.DateTime(required=True, description="When the notice arrived.")
    status = graphene.Field(enums.BankNoticeStatusEnum, required=True, description="Status.")
    flag = graphene.Field(enums.BankNoticeFlagEnum, description="Why it was not applied.")
    order = graphene.Field(
        "backend.graphql.orders.types.Order",
        description="The order it names or was applied to.",
    )
    transaction = graphene.Field(
        TransactionItem, description="The transaction its money was recorded on."
    )
    resolved_at = graphene.DateTime(description="When staff settled it.")
    resolved_by = graphene.Field(
        "backend.graphql.account.types.User", description="Staff member who settled it."
    )
    resolution_note = graphene.String(required=True, description="Why staff dismissed it.")
    events = graphene.List(
        graphene.NonNull(BankNoticeEvent), required=True, description="The notice's history."
    )

    class Meta:
        description = "OCOP: an incoming-transfer notice from the bank."

    @staticmethod
    def resolve_id(root: BankNoticeModel, info: graphene.ResolveInfo) -> str:
        return to_global_id("BankNotice", root.pk)

    @staticmethod
    def resolve_amount(root: BankNoticeModel, info: graphene.ResolveInfo) -> Money:
        return Money(currency=root.currency, amount=root.amount)

    @staticmethod
    def resolve_status(root: BankNoticeModel, info: graphene.ResolveInfo) -> str:
        return str(root.status)

    @staticmethod
    def resolve_flag(root: BankNoticeModel, info: graphene.ResolveInfo) -> str | None:
        return str(root.flag) if root.flag else None

    @staticmethod
    def resolve_events(
        root: BankNoticeModel, info: graphene.ResolveInfo
    ) -> list[BankNoticeEventModel]:
        return list(root.events.all())

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | BankNoticeModel)


class BankNoticeCountableConnection(CountableConnection):
    class Meta:
        node = BankNotice
        description = "A page of bank notices."
