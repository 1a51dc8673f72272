"""Enums shared across the API, in Saleor's spelling."""

from __future__ import annotations

import graphene


class LanguageCodeEnum(graphene.Enum):
    """Languages the marketplace serves (Saleor's enum lists every locale; we serve vi, en)."""

    VI = "vi"
    EN = "en"


class OrderDirection(graphene.Enum):
    """Sorting direction."""

    ASC = "asc"
    DESC = "desc"


def language_code_value(code: object) -> str:
    """The plain language code ("vi") of a LanguageCodeEnum argument."""
    return str(getattr(code, "value", code)).lower()
