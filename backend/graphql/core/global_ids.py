"""Relay global IDs (``base64("Type:pk")``) as Saleor uses them in arguments."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from graphql_relay import from_global_id


def pk_from_global_id(
    global_id: str | None, *, type_name: str, field: str = "id", code: str = "GRAPHQL_ERROR"
) -> int:
    """The integer pk of a ``type_name`` ID; ValidationError on ``field`` for anything else."""
    try:
        found_type, pk = from_global_id(global_id or "")
    except (ValueError, TypeError, UnicodeDecodeError):
        found_type, pk = "", ""
    if found_type != type_name or not pk.isdigit():
        raise ValidationError(
            {
                field: ValidationError(
                    "Couldn't resolve id: %(id)s.", code=code, params={"id": global_id}
                )
            }
        )
    return int(pk)
