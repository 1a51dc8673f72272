"""Turning domain errors into Saleor's shapes.

Validation problems become ``errors { field code message }`` in the mutation payload;
permission failures become top-level GraphQL errors with ``extensions.exception.code``
(Saleor: ``PermissionDenied``).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import graphene
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from graphql import GraphQLError

from backend.core.errors import DomainError

# Django's built-in validator codes, spelled as Saleor's error enums spell them.
DJANGO_CODE_ALIASES = {
    "invalid": "INVALID",
    "required": "REQUIRED",
    "blank": "REQUIRED",
    "null": "REQUIRED",
    "unique": "UNIQUE",
    "max_length": "INVALID",
    "min_length": "INVALID",
    "invalid_choice": "INVALID",
    "max_value": "INVALID",
    "min_value": "INVALID",
}


class PermissionDeniedError(GraphQLError):
    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message or "You do not have permission to perform this action",
            extensions={"exception": {"code": "PermissionDenied"}},
        )


def to_snake_field(field: str | None) -> str | None:
    if not field or field == NON_FIELD_ERRORS:
        return None
    head, *rest = field.split("_")
    return head + "".join(part.title() for part in rest)


def normalise_code(code: str | None, enum: type[Enum] | None) -> str:
    candidate = DJANGO_CODE_ALIASES.get(code or "", (code or "INVALID").upper())
    if enum is None:
        return candidate
    names = {member.name for member in enum}  # type: ignore[attr-defined]
    if candidate in names:
        return candidate
    return "INVALID" if "INVALID" in names else next(iter(names))


def validation_error_to_dicts(error: ValidationError) -> list[dict[str, Any]]:
    """Flatten a Django ValidationError into ``[{field, code, message, params}]``."""
    flattened: list[dict[str, Any]] = []
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for item in errors:
                flattened.append(
                    {
                        "field": to_snake_field(field),
                        "code": item.code,
                        "message": _render(item),
                        "params": item.params or {},
                    }
                )
    else:
        for item in error.error_list:
            flattened.append(
                {
                    "field": to_snake_field(getattr(item, "field", None)),
                    "code": item.code,
                    "message": _render(item),
                    "params": item.params or {},
                }
            )
    return flattened


def domain_error_to_dict(error: DomainError) -> dict[str, Any]:
    return {
        "field": to_snake_field(error.field),
        "code": error.code,
        "message": str(error.message),
        "params": error.params,
    }


def _render(item: ValidationError) -> str:
    message = str(item.message)
    if item.params:
        try:
            return message % item.params
        except (KeyError, TypeError, ValueError):
            return message
    return message


def make_error_type(name: str, code_enum: type[graphene.Enum]) -> type[graphene.ObjectType]:
    """An error type in Saleor's shape: ``{ field message code }``."""
    return type(
        name,
        (graphene.ObjectType,),
        {
            "field": graphene.String(
                description="Name of the input field that caused the error, or null."
            ),
            "message": graphene.String(description="The error message."),
            "code": graphene.Field(code_enum, required=True, description="The error code."),
        },
    )
