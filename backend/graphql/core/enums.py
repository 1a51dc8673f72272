"""Enums shared by several apps, named as Saleor names them (only the values we serve)."""

import graphene


class LanguageCodeEnum(graphene.Enum):
    """Languages the marketplace speaks (Saleor's LanguageCodeEnum, restricted to ours)."""

    VI = "vi"
    EN = "en"


class CountryCode(graphene.Enum):
    """Countries the marketplace serves (Saleor's CountryCode, restricted to Việt Nam)."""

    VN = "VN"


def enum_value(value: object) -> object:
    """The plain value of a graphene enum argument (graphene 3 passes enum members)."""
    return getattr(value, "value", value)
