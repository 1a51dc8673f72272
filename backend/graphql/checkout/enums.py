import graphene

from backend.checkout.error_codes import CheckoutErrorCode as CheckoutErrorCodeValues

CheckoutErrorCode = graphene.Enum.from_enum(
    CheckoutErrorCodeValues, description="Error codes of checkout mutations (Saleor's)."
)


class DeliveryMethodTypeEnum(graphene.Enum):
    """OCOP extension: whether a method ships to the address or is a pickup at the producer."""

    SHIPPING = "shipping"
    PICKUP = "pickup"
