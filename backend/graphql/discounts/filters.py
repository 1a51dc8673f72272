"""VoucherFilterInput: Saleor's filters, plus producers (OCOP)."""

from __future__ import annotations

from typing import Any

import graphene
from django.db.models import Q, QuerySet

from backend.discounts.models import Voucher
from backend.discounts.selectors import voucher_search, voucher_status_q
from backend.graphql.core.enums import enum_value
from backend.graphql.core.filters import (
    DateTimeRangeInput,
    IntRangeInput,
    MetadataFilter,
    metadata_q,
    pks_of,
    range_q,
)
from backend.graphql.discounts.enums import DiscountStatusEnum, VoucherDiscountType


class VoucherFilterInput(graphene.InputObjectType):
    status = graphene.List(
        graphene.NonNull(DiscountStatusEnum),
        description="Vouchers in any of these states (active, expired, scheduled).",
    )
    times_used = graphene.Field(IntRangeInput, description="Usage count in this range.")
    discount_type = graphene.List(
        graphene.NonNull(VoucherDiscountType),
        description="Any of these discount types (SHIPPING never matches).",
    )
    started = graphene.Field(DateTimeRangeInput, description="Start date in this range.")
    search = graphene.String(description="Part of the code or the name (accents optional).")
    metadata = graphene.List(
        graphene.NonNull(MetadataFilter), description="Public metadata to match (all of them)."
    )
    ids = graphene.List(graphene.NonNull(graphene.ID), description="Voucher IDs.")
    producers = graphene.List(
        graphene.NonNull(graphene.ID), description="Vouchers of these producers (OCOP)."
    )

    class Meta:
        description = "Filtering options for vouchers."


def filter_vouchers(
    vouchers: QuerySet[Voucher], filters: dict[str, Any] | None, *, query: str | None = None
) -> QuerySet[Voucher]:
    """``vouchers`` (already scoped to the caller) narrowed by the filter input and the
    deprecated ``query`` argument."""
    data = filters or {}
    if data.get("status"):
        vouchers = vouchers.filter(voucher_status_q([str(enum_value(s)) for s in data["status"]]))
    if data.get("times_used"):
        vouchers = vouchers.filter(range_q("used", data["times_used"]))
    if data.get("discount_type"):
        vouchers = vouchers.filter(value_type__in=[enum_value(t) for t in data["discount_type"]])
    if data.get("started"):
        vouchers = vouchers.filter(range_q("starts_at", data["started"]))
    if data.get("metadata"):
        vouchers = vouchers.filter(metadata_q("metadata", data["metadata"]))
    if data.get("ids") is not None:
        vouchers = vouchers.filter(pk__in=pks_of(data["ids"], "Voucher"))
    if data.get("producers") is not None:
        vouchers = vouchers.filter(Q(producer_id__in=pks_of(data["producers"], "Producer")))
    for text in (data.get("search"), query):
        if text:
            vouchers = voucher_search(vouchers, text)
    return vouchers
