import graphene

from backend.orders.error_codes import OrderErrorCode as OrderErrorCodeValues

OrderErrorCode = graphene.Enum.from_enum(
    OrderErrorCodeValues, description="Error codes of order mutations (Saleor's)."
)


class OrderStatus(graphene.Enum):
    """Status of an order (Saleor's values)."""

    UNCONFIRMED = "unconfirmed"
    UNFULFILLED = "unfulfilled"
    PARTIALLY_FULFILLED = "partially_fulfilled"
    FULFILLED = "fulfilled"
    PARTIALLY_RETURNED = "partially_returned"
    RETURNED = "returned"
    CANCELED = "canceled"
    EXPIRED = "expired"


class OrderChargeStatusEnum(graphene.Enum):
    """How much of the order has been paid."""

    NONE = "none"
    PARTIAL = "partial"
    FULL = "full"
    OVERCHARGED = "overcharged"


class OrderAuthorizeStatusEnum(graphene.Enum):
    """How much of the order is authorised."""

    NONE = "none"
    PARTIAL = "partial"
    FULL = "full"


class FulfillmentStatus(graphene.Enum):
    """Status of a producer's fulfilment group."""

    UNFULFILLED = "unfulfilled"
    FULFILLED = "fulfilled"
    RETURNED = "returned"
    CANCELED = "canceled"


class OrderSortField(graphene.Enum):
    """Fields orders can be sorted by."""

    NUMBER = "number"
    CREATED_AT = "created_at"
    CREATION_DATE = "creation_date"
    LAST_MODIFIED_AT = "updated_at"
    STATUS = "status"
