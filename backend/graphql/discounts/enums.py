"""Saleor's discount enums (the values our vouchers use are the model's own)."""

import graphene

from backend.discounts.error_codes import DiscountErrorCode as DiscountErrorCodeValues

DiscountErrorCode = graphene.Enum.from_enum(
    DiscountErrorCodeValues, description="Error codes of discount mutations (Saleor's)."
)


class DiscountValueTypeEnum(graphene.Enum):
    """How a voucher's value is read: whole đồng off, or a percentage."""

    FIXED = "fixed"
    PERCENTAGE = "percentage"


class VoucherTypeEnum(graphene.Enum):
    """What a voucher discounts. OCOP Market's vouchers discount the order (a producer's
    voucher: that producer's lines), so they are all ENTIRE_ORDER."""

    SHIPPING = "shipping"
    ENTIRE_ORDER = "entire_order"
    SPECIFIC_PRODUCT = "specific_product"


class DiscountStatusEnum(graphene.Enum):
    """Where a voucher stands in its validity window."""

    ACTIVE = "active"
    EXPIRED = "expired"
    SCHEDULED = "scheduled"


class VoucherDiscountType(graphene.Enum):
    """Kinds of voucher discount, for filtering."""

    FIXED = "fixed"
    PERCENTAGE = "percentage"
    SHIPPING = "shipping"


class VoucherSortField(graphene.Enum):
    """Fields vouchers can be sorted by."""

    CODE = "code"
    NAME = "name"
    START_DATE = "start_date"
    END_DATE = "end_date"
    VALUE = "value"
    TYPE = "type"
    USAGE_LIMIT = "usage_limit"
    MINIMUM_SPENT_AMOUNT = "minimum_spent_amount"

    @property
    def description(self) -> str:
        return {
            "CODE": "Sort vouchers by code.",
            "NAME": "Sort vouchers by name.",
            "START_DATE": "Sort vouchers by start date.",
            "END_DATE": "Sort vouchers by end date.",
            "VALUE": "Sort vouchers by value.",
            "TYPE": "Sort vouchers by type (fixed, then percentage).",
            "USAGE_LIMIT": "Sort vouchers by usage limit (unlimited last).",
            "MINIMUM_SPENT_AMOUNT": "Sort vouchers by minimum spent amount.",
        }[self.name]  # type: ignore[attr-defined]
