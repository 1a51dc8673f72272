"""Stable error codes of the payments app (member value == name).

The first four enums are Saleor's own; ``PaymentErrorCode`` holds our extensions' codes.
"""

from __future__ import annotations

from enum import Enum


class PaymentGatewayInitializeErrorCode(Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"


class TransactionInitializeErrorCode(Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    UNIQUE = "UNIQUE"
    CHECKOUT_COMPLETION_IN_PROGRESS = "CHECKOUT_COMPLETION_IN_PROGRESS"


class TransactionProcessErrorCode(Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    TRANSACTION_ALREADY_PROCESSED = "TRANSACTION_ALREADY_PROCESSED"
    MISSING_PAYMENT_APP_RELATION = "MISSING_PAYMENT_APP_RELATION"
    MISSING_PAYMENT_APP = "MISSING_PAYMENT_APP"
    CHECKOUT_COMPLETION_IN_PROGRESS = "CHECKOUT_COMPLETION_IN_PROGRESS"


class TransactionRequestActionErrorCode(Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    MISSING_TRANSACTION_ACTION_REQUEST_WEBHOOK = "MISSING_TRANSACTION_ACTION_REQUEST_WEBHOOK"


class PaymentErrorCode(Enum):
    """Codes of OCOP's own payment mutations (cash collection, transfers, bank notices,
    payouts)."""

    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    ALREADY_COLLECTED = "ALREADY_COLLECTED"
    NOT_DELIVERED = "NOT_DELIVERED"
    NOT_COD = "NOT_COD"
    ORDER_NOT_PAYABLE = "ORDER_NOT_PAYABLE"
    AMOUNT_MISMATCH = "AMOUNT_MISMATCH"
    PAYOUT_EXCEEDS_BALANCE = "PAYOUT_EXCEEDS_BALANCE"
    GATEWAY_ERROR = "GATEWAY_ERROR"
    ALREADY_RESOLVED = "ALREADY_RESOLVED"
    UNIQUE = "UNIQUE"
