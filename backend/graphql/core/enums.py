"""Enums shared across the API, named as Saleor names them (only the values we serve)."""

from __future__ import annotations

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


class OrderDirection(graphene.Enum):
    """Sorting direction."""

    ASC = "asc"
    DESC = "desc"


def language_code_value(code: object) -> str:
    """The plain language code ("vi") of a LanguageCodeEnum argument."""
    return str(getattr(code, "value", code)).lower()
