"""Helpers shared by the payment mutations."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from backend.core.money import whole_vnd
from backend.graphql.core.ids import split_global_id


def decode_global_id(
    global_id: str | None, *, allowed: set[str], field: str = "id"
) -> tuple[str, str]:
    """``(type name, key)`` of an ID of one of the ``allowed`` types, else a field error
    with code GRAPHQL_ERROR."""
    type_name, key = split_global_id(global_id or "") or ("", "")
    if type_name not in allowed:
        raise ValidationError(
            {
                field: ValidationError(
                    "Couldn't resolve id: %(id)s.", code="GRAPHQL_ERROR", params={"id": global_id}
                )
            }
        )
    return type_name, key


def whole_dong(amount: Decimal | None, *, field: str = "amount") -> int | None:
    """VND has no minor unit: refuse fractions rather than round someone's money."""
    if amount is None:
        return None
    whole = whole_vnd(amount, minimum=1)
    if whole is None:
        raise ValidationError(
            {field: ValidationError("Số tiền phải là số đồng nguyên dương.", code="INVALID")}
        )
    return whole


def gateway_data(data: Any) -> dict[str, Any]:
    return data if isinstance(data, dict) else {}
