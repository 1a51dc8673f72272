"""Payment enums, named and valued as Saleor's."""

from __future__ import annotations

import graphene

from backend.payments import error_codes
from backend.payments.models import TransactionEventType

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
TransactionEventTypeEnum = graphene.Enum(
    "TransactionEventTypeEnum",
    [(member.name, member.value) for member in TransactionEventType],
    description="What happened to a transaction.",
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
