"""Enums shared across the API, in Saleor's spelling (only the values we serve)."""

from __future__ import annotations

import graphene


class LanguageCodeEnum(graphene.Enum):
    """Languages the marketplace serves (Saleor's enum lists every locale; we serve vi, en)."""

    VI = "vi"
    EN = "en"


class CountryCode(graphene.Enum):
    """Countries the marketplace serves (Saleor's CountryCode, restricted to Việt Nam)."""

    VN = "VN"


class OrderDirection(graphene.Enum):
    """Sorting direction."""

    ASC = "asc"
    DESC = "desc"


def enum_value(value: object) -> object:
    """The plain value of a graphene enum argument (graphene 3 passes enum members)."""
    return getattr(value, "value", value)


def language_code_value(code: object) -> str:
    """The plain language code ("vi") of a LanguageCodeEnum argument."""
    return str(enum_value(code)).lower()
