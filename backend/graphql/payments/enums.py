"""Payment enums, named and valued as Saleor's."""

from __future__ import annotations

from enum import Enum

import graphene

from backend.payments import error_codes
from backend.payments.models import (
    BankNoticeEventType,
    BankNoticeFlag,
    BankNoticeStatus,
    LedgerEntryKind,
    TransactionEventType,
)


def _choices(name: str, choices: type[Enum], description: str) -> type[graphene.Enum]:
    return graphene.Enum(
        name, [(member.name, member.value) for member in choices], description=description
    )


TransactionActionEnum = graphene.Enum(
    "TransactionActionEnum",
    [("CHARGE", "charge"), ("REFUND", "refund"), ("CANCEL", "cancel")],
    description="Actions staff can request on a transaction.",
)
TransactionFlowStrategyEnum = graphene.Enum(
    "TransactionFlowStrategyEnum",
    [("AUTHORIZATION", "authorization"), ("CHARGE", "charge")],
    description="Whether to hold the money first (authorization) or take it at once.",
)
TransactionEventTypeEnum = _choices(
    "TransactionEventTypeEnum", TransactionEventType, "What happened to a transaction."
)


ProducerLedgerEntryKindEnum = _choices(
    "ProducerLedgerEntryKindEnum",
    LedgerEntryKind,
    "OCOP: kinds of producer ledger entries (revenue, deductions, their reversals on refund, "
    "payouts).",
)
BankNoticeStatusEnum = _choices(
    "BankNoticeStatusEnum",
    BankNoticeStatus,
    "OCOP: APPLIED (matched an order), FLAGGED (waits for staff), RESOLVED (staff applied "
    "it), DISMISSED (staff closed it without recording money).",
)
BankNoticeFlagEnum = _choices(
    "BankNoticeFlagEnum", BankNoticeFlag, "OCOP: why a bank notice was not applied."
)
BankNoticeEventTypeEnum = _choices(
    "BankNoticeEventTypeEnum", BankNoticeEventType, "OCOP: what happened to a bank notice."
)


def _codes(enum: type, description: str) -> type[graphene.Enum]:
    return graphene.Enum.from_enum(enum, description=description)


PaymentGatewayInitializeErrorCode = _codes(
    error_codes.PaymentGatewayInitializeErrorCode, "Error codes of paymentGatewayInitialize."
)
PaymentGatewayConfigErrorCode = graphene.Enum(
    "PaymentGatewayConfigErrorCode",
    [("GRAPHQL_ERROR", "GRAPHQL_ERROR"), ("INVALID", "INVALID"), ("NOT_FOUND", "NOT_FOUND")],
    description="Error codes of one gateway's configuration.",
)
TransactionInitializeErrorCode = _codes(
    error_codes.TransactionInitializeErrorCode, "Error codes of transactionInitialize."
)
TransactionProcessErrorCode = _codes(
    error_codes.TransactionProcessErrorCode, "Error codes of transactionProcess."
)
TransactionRequestActionErrorCode = _codes(
    error_codes.TransactionRequestActionErrorCode, "Error codes of transactionRequestAction."
)
PaymentErrorCode = _codes(error_codes.PaymentErrorCode, "Error codes of OCOP payment mutations.")
