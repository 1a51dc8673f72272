"""Stable error codes of voucher management (Saleor's ``DiscountErrorCode``).

Checkout keeps its own codes for applying a voucher (``INVALID``,
``VOUCHER_NOT_APPLICABLE`` on ``promoCode``: Saleor's CheckoutErrorCode).
"""

from enum import Enum


class DiscountErrorCode(Enum):
    ALREADY_EXISTS = "ALREADY_EXISTS"
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    UNIQUE = "UNIQUE"
    CANNOT_MANAGE_PRODUCT_WITHOUT_VARIANT = "CANNOT_MANAGE_PRODUCT_WITHOUT_VARIANT"
    DUPLICATED_INPUT_ITEM = "DUPLICATED_INPUT_ITEM"
    VOUCHER_ALREADY_USED = "VOUCHER_ALREADY_USED"
