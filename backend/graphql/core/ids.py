"""Saleor's global IDs: base64 of ``Type:pk``."""

from __future__ import annotations

import binascii

from django.core.exceptions import ValidationError
from graphql import GraphQLError
from graphql_relay import from_global_id, to_global_id

__all__ = [
    "decode_id",
    "decode_id_for_input",
    "pk_from_global_id",
    "split_global_id",
    "to_global_id",
]


def split_global_id(global_id: str) -> tuple[str, str] | None:
    """``(type name, key)`` of a global ID, or None when it is not one."""
    try:
        type_name, pk = from_global_id(global_id)
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        return None
    if not type_name or not pk:
        return None
    return type_name, pk


def decode_id(global_id: str, expected_type: str) -> str:
    """The pk inside ``global_id``; a top-level GraphQL error when malformed or of another type."""
    parts = split_global_id(global_id)
    if parts is None:
        raise GraphQLError(f"Couldn't resolve id: {global_id}.")
    type_name, pk = parts
    if type_name != expected_type:
        raise GraphQLError(
            f"Invalid ID: {global_id}. Expected: {expected_type}, received: {type_name}."
        )
    return pk


def decode_id_for_input(global_id: str, expected_type: str, *, field: str) -> str:
    """As ``decode_id`` but for mutation input: a field error with code GRAPHQL_ERROR."""
    try:
        return decode_id(global_id, expected_type)
    except GraphQLError as exc:
        raise ValidationError({field: ValidationError(exc.message, code="GRAPHQL_ERROR")}) from exc


def pk_from_global_id(
    global_id: str | None, *, type_name: str, field: str = "id", code: str = "GRAPHQL_ERROR"
) -> int:
    """The integer pk of a ``type_name`` ID; ValidationError on ``field`` for anything else."""
    parts = split_global_id(global_id or "")
    if parts is None or parts[0] != type_name or not parts[1].isdigit():
        raise ValidationError(
            {
                field: ValidationError(
                    "Couldn't resolve id: %(id)s.", code=code, params={"id": global_id}
                )
            }
        )
    return int(parts[1])
