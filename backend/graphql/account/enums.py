import graphene

from backend.accounts.error_codes import AccountErrorCode as AccountErrorCodeValues

AccountErrorCode = graphene.Enum.from_enum(
    AccountErrorCodeValues, description="Error codes of account mutations (Saleor's)."
)


class AddressTypeEnum(graphene.Enum):
    """Which default an address is: billing or shipping."""

    BILLING = "billing"
    SHIPPING = "shipping"
