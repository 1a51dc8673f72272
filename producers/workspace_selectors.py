"""Reads for the producer workspace pages. Every function takes a producer that the caller
obtained through ``selectors.producer_get_for_user`` (so the actor may act for it)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import F, Prefetch, QuerySet
from django.utils import timezone

from backend.catalog.models import (
    Product,
    ProductChannelListing,
    ProductVariant,
    ProductVariantChannelListing,
)
from backend.inventory.models import Stock, Warehouse
from backend.ocop.selectors import certificates_expiring_for_producer
from backend.orders.models import FulfillmentGroup, FulfillmentStatus, OrderStatus
from producers.models import Producer

LOW_STOCK_THRESHOLD = 5
OPEN_ORDER_STATES = (OrderStatus.UNFULFILLED, OrderStatus.PARTIALLY_FULFILLED)


def groups_to_fulfil(producer: Producer) -> QuerySet[FulfillmentGroup]:
    return (
        FulfillmentGroup.objects.filter(
            producer=producer,
            status=FulfillmentStatus.UNFULFILLED,
            order__status__in=OPEN_ORDER_STATES,
        )
        .select_related("order")
        .order_by("created_at", "pk")
    )


def low_stock(producer: Producer) -> QuerySet[Stock]:
    return (
        Stock.objects.filter(warehouse__producer=producer)
        .filter(quantity__lte=F("quantity_allocated") + LOW_STOCK_THRESHOLD)
        .select_related("warehouse", "product_variant__product")
        .order_by("quantity", "pk")
    )


def dashboard(producer: Producer) -> dict[str, Any]:
    return {
        "groups": list(groups_to_fulfil(producer)[:20]),
        "low_stock": list(low_stock(producer)[:20]),
        "certificates": list(certificates_expiring_for_producer(producer_id=producer.pk)),
        "threshold": LOW_STOCK_THRESHOLD,
    }


def products(producer: Producer) -> QuerySet[Product]:
    return (
        Product.objects.filter(producer=producer)
        .prefetch_related(
            Prefetch("channel_listings", queryset=ProductChannelListing.objects.all()),
            "variants",
        )
        .order_by("name", "pk")
    )


def product(producer: Producer, product_id: int) -> Product | None:
    return (
        Product.objects.filter(producer=producer, pk=product_id)
        .prefetch_related(
            "media",
            "channel_listings__channel",
            Prefetch(
                "variants",
                queryset=ProductVariant.objects.prefetch_related(
                    Prefetch(
                        "channel_listings",
                        queryset=ProductVariantChannelListing.objects.select_related("channel"),
                    ),
                    Prefetch("stocks", queryset=Stock.objects.select_related("warehouse")),
                ),
            ),
        )
        .first()
    )


def warehouses(producer: Producer) -> QuerySet[Warehouse]:
    return Warehouse.objects.filter(producer=producer).order_by("name", "pk")


def fulfilment_groups(producer: Producer) -> QuerySet[FulfillmentGroup]:
    """The producer's own groups, newest first, with their lines (never other producers')."""
    return (
        FulfillmentGroup.objects.filter(producer=producer)
        .select_related("order")
        .prefetch_related("lines")
        .order_by("-created_at", "-pk")
    )


def statement_months(*, since: datetime.datetime) -> list[datetime.date]:
    """The first day of each month from this one back to the one holding ``since`` (the
    producer's creation: no ledger line is older), newest first."""
    first = timezone.localtime(since).date().replace(day=1)
    month = timezone.localdate().replace(day=1)
    months = [month]
    while month > first:
        month = (month - datetime.timedelta(days=1)).replace(day=1)
        months.append(month)
    return months
