"""Stable error codes of the webhooks app (Saleor's ``WebhookErrorCode``)."""

from enum import Enum


class WebhookErrorCode(Enum):
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    UNIQUE = "UNIQUE"
    MISSING_EVENT = "MISSING_EVENT"
