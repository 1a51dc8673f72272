import graphene


class DiscountValueTypeEnum(graphene.Enum):
    """Saleor's DiscountValueTypeEnum: an amount of đồng or a percentage."""

    FIXED = "fixed"
    PERCENTAGE = "percentage"
