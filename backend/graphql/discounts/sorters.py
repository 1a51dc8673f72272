"""Voucher sorting: each Saleor sort field maps to non-null keyset columns (pk is appended)."""

from __future__ import annotations

from typing import Any

import graphene
from django.db.models import BigIntegerField, DateTimeField, F, QuerySet, Value
from django.db.models.functions import Coalesce

from backend.discounts.models import Voucher
from backend.graphql.core.enums import OrderDirection, enum_value
from backend.graphql.discounts.enums import VoucherSortField

# Stand-ins for "none" that sort where Saleor's nulls do: no end date and no usage limit
# last going up.
NEVER = "9999-12-31T00:00:00+00:00"
UNLIMITED = 2**62


class VoucherSortingInput(graphene.InputObjectType):
    direction = graphene.Argument(
        OrderDirection, required=True, description="Specifies the direction in which to sort."
    )
    channel = graphene.String(
        description="Deprecated: use the `channel` argument of the query.",
        deprecation_reason="Use the root-level channel argument instead.",
    )
    field = graphene.Argument(
        VoucherSortField, required=True, description="Sort vouchers by the selected field."
    )

    class Meta:
        description = "Sorting of vouchers."


def sort_vouchers(
    vouchers: QuerySet[Voucher], sort_by: dict[str, Any] | None
) -> tuple[QuerySet[Voucher], list[str], bool]:
    """The queryset (with sort annotations), its keyset columns and whether descending.
    Without ``sortBy``: by code."""
    field = enum_value(sort_by.get("field")) if sort_by else "code"
    descending = bool(sort_by) and enum_value(sort_by.get("direction")) == "desc"  # type: ignore[union-attr]
    if field == "name":
        return vouchers, ["name", "code"], descending
    if field == "start_date":
        vouchers = vouchers.annotate(sort_start=Coalesce("starts_at", "created_at"))
        return vouchers, ["sort_start", "code"], descending
    if field == "end_date":
        vouchers = vouchers.annotate(
            sort_end=Coalesce("ends_at", Value(NEVER), output_field=DateTimeField())
        )
        return vouchers, ["sort_end", "code"], descending
    if field == "value":
        return vouchers, ["value", "code"], descending
    if field == "type":
        return vouchers, ["value_type", "code"], descending
    if field == "usage_limit":
        vouchers = vouchers.annotate(
            sort_limit=Coalesce(F("usage_limit"), Value(UNLIMITED), output_field=BigIntegerField())
        )
        return vouchers, ["sort_limit", "code"], descending
    if field == "minimum_spent_amount":
        return vouchers, ["min_spend_amount", "code"], descending
    return vouchers, ["code"], descending
