"""Payment queries and mutations: Saleor's transaction API plus OCOP's cash, transfer,
bank notice and producer-money extensions."""

from __future__ import annotations

from typing import Any

import graphene
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from graphql import GraphQLError

from backend.core.errors import NotFound, PermissionDenied
from backend.graphql.core.connection import connection_args, resolve_connection
from backend.graphql.core.enums import enum_value
from backend.graphql.core.errors import PermissionDeniedError
from backend.graphql.core.ids import decode_id
from backend.graphql.payments.bank_notice_types import BankNoticeCountableConnection
from backend.graphql.payments.filters import BankNoticeFilterInput, ProducerLedgerEntryFilterInput
from backend.graphql.payments.ledger_types import (
    ProducerBalance,
    ProducerLedgerEntryCountableConnection,
    ProducerStatement,
)
from backend.graphql.payments.mutations.bank_notice_apply import BankNoticeApply
from backend.graphql.payments.mutations.bank_notice_dismiss import BankNoticeDismiss
from backend.graphql.payments.mutations.order_bank_transfer_mark_received import (
    OrderBankTransferMarkReceived,
)
from backend.graphql.payments.mutations.order_fulfillment_group_cash_collect import (
    OrderFulfillmentGroupCashCollect,
)
from backend.graphql.payments.mutations.payment_gateway_initialize import (
    PaymentGatewayInitialize,
)
from backend.graphql.payments.mutations.producer_payout_create import ProducerPayoutCreate
from backend.graphql.payments.mutations.transaction_initialize import TransactionInitialize
from backend.graphql.payments.mutations.transaction_process import TransactionProcess
from backend.graphql.payments.mutations.transaction_request_action import (
    TransactionRequestAction,
)
from backend.payments import ledger, selectors
from backend.payments.models import LedgerEntry
from producers.models import Producer

PRODUCER_ARGUMENT = graphene.ID(required=True, description="ID of the producer.")
ACCESS = (
    "Members of the producer and staff; null for another producer's members, a permission "
    "error for everyone else."
)


def _producer(info: graphene.ResolveInfo, global_id: str) -> Producer | None:
    """The producer whose money the caller may read: PermissionDenied as a top-level error,
    and null (not another producer's data) for a member of a different producer."""
    pk = decode_id(global_id, "Producer")
    try:
        return selectors.producer_get_for_ledger(
            actor=info.context.user, producer_id=int(pk) if pk.isdigit() else 0
        )
    except PermissionDenied as exc:
        raise PermissionDeniedError() from exc
    except NotFound:
        return None


def _ledger_page(entries: QuerySet[LedgerEntry], args: dict[str, Any], name: str) -> Any:
    """Newest first: a ledger is read from its latest line."""
    return resolve_connection(
        ProducerLedgerEntryCountableConnection,
        entries,
        args,
        sort_fields=["created_at"],
        descending=True,
        connection_name=name,
    )


def _values(items: list[Any] | None) -> list[str]:
    return [str(enum_value(item)) for item in items or []]


class PaymentQueries(graphene.ObjectType):
    producer_balance = graphene.Field(
        ProducerBalance,
        producer=PRODUCER_ARGUMENT,
        description=f"OCOP: what the platform owes a producer. {ACCESS}",
    )
    producer_ledger_entries = graphene.Field(
        ProducerLedgerEntryCountableConnection,
        producer=PRODUCER_ARGUMENT,
        filter=ProducerLedgerEntryFilterInput(description="Filtering options."),
        **connection_args(),
        description=f"OCOP: a producer's ledger, newest first. {ACCESS}",
    )
    producer_payouts = graphene.Field(
        ProducerLedgerEntryCountableConnection,
        producer=PRODUCER_ARGUMENT,
        **connection_args(),
        description=f"OCOP: payouts made to a producer, newest first. {ACCESS}",
    )
    producer_statement = graphene.Field(
        ProducerStatement,
        producer=PRODUCER_ARGUMENT,
        year=graphene.Int(required=True, description="Year, e.g. 2026."),
        month=graphene.Int(required=True, description="Month, 1-12."),
        description=f"OCOP: a producer's statement for one month, with downloads. {ACCESS}",
    )
    bank_notices = graphene.Field(
        BankNoticeCountableConnection,
        filter=BankNoticeFilterInput(description="Filtering options."),
        **connection_args(),
        description="OCOP, staff: notices of transfers to the collection account, newest first.",
    )

    @staticmethod
    def resolve_producer_balance(
        root: object, info: graphene.ResolveInfo, producer: str
    ) -> ProducerBalance | None:
        found = _producer(info, producer)
        if found is None:
            return None
        return ProducerBalance.of(found, ledger.producer_balance(producer=found))

    @staticmethod
    def resolve_producer_ledger_entries(
        root: object, info: graphene.ResolveInfo, producer: str, **args: Any
    ) -> Any:
        found = _producer(info, producer)
        if found is None:
            return None
        entries = selectors.ledger_entries_for_producer(
            producer=found, kinds=_values((args.get("filter") or {}).get("kinds"))
        )
        return _ledger_page(entries, args, "producerLedgerEntries")

    @staticmethod
    def resolve_producer_payouts(
        root: object, info: graphene.ResolveInfo, producer: str, **args: Any
    ) -> Any:
        found = _producer(info, producer)
        if found is None:
            return None
        return _ledger_page(selectors.payouts_for_producer(producer=found), args, "producerPayouts")

    @staticmethod
    def resolve_producer_statement(
        root: object, info: graphene.ResolveInfo, producer: str, year: int, month: int
    ) -> Any:
        found = _producer(info, producer)
        if found is None:
            return None
        if not selectors.statement_month_valid(year=year, month=month):
            raise GraphQLError(_("Tháng không hợp lệ."))
        return selectors.producer_statement(producer=found, year=year, month=month)

    @staticmethod
    def resolve_bank_notices(root: object, info: graphene.ResolveInfo, **args: Any) -> Any:
        filters = args.get("filter") or {}
        try:
            notices = selectors.bank_notices_for_staff(
                actor=info.context.user,
                statuses=_values(filters.get("status")),
                flags=_values(filters.get("flags")),
                search=filters.get("search") or "",
            )
        except PermissionDenied as exc:
            raise PermissionDeniedError() from exc
        return resolve_connection(
            BankNoticeCountableConnection,
            notices.prefetch_related("events__user"),
            args,
            sort_fields=["received_at"],
            descending=True,
            connection_name="bankNotices",
        )


class PaymentMutations(graphene.ObjectType):
    payment_gateway_initialize = PaymentGatewayInitialize.Field(
        description="List the gateways available for a checkout or order."
    )
    transaction_initialize = TransactionInitialize.Field(
        description="Start paying an order through a gateway."
    )
    transaction_process = TransactionProcess.Field(
        description="Read a transaction's state back from its gateway."
    )
    transaction_request_action = TransactionRequestAction.Field(
        description="Staff: capture, refund or cancel a transaction."
    )
    order_fulfillment_group_cash_collect = OrderFulfillmentGroupCashCollect.Field(
        description="OCOP extension: cash collected for a delivered producer group."
    )
    order_bank_transfer_mark_received = OrderBankTransferMarkReceived.Field(
        description="OCOP extension: staff record a bank transfer received."
    )
    bank_notice_apply = BankNoticeApply.Field(
        description="OCOP extension: staff record a flagged bank notice on an order."
    )
    bank_notice_dismiss = BankNoticeDismiss.Field(
        description="OCOP extension: staff close a flagged bank notice with a reason."
    )
    producer_payout_create = ProducerPayoutCreate.Field(
        description="OCOP extension: staff record a payout to a producer."
    )
