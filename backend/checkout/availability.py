"""Whether variants may be bought in a channel, at what price and how many are left.

One batch of queries for any set of variants; used when lines are added and when a
checkout's totals and problems are computed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import F, Sum
from django.utils import timezone

from backend.catalog.models import (
    ProductChannelListing,
    ProductVariant,
    ProductVariantChannelListing,
)
from backend.channels.models import Channel
from backend.checkout.error_codes import CheckoutErrorCode
from backend.inventory.models import Stock
from producers.models import ProducerStatus

MAX_LINE_QUANTITY = 999


@dataclass
class VariantFacts:
    variant: ProductVariant
    product_listing: ProductChannelListing | None
    price: int | None
    # Stock minus allocations in the channel's warehouses; None when stock is not tracked.
    available: int | None

    @property
    def weight_grams(self) -> int:
        product = self.variant.product
        return (
            self.variant.weight_grams
            or product.weight_grams
            or product.product_type.weight_grams
            or 0
        )


def variant_facts(variant_ids: Iterable[int], channel: Channel) -> dict[int, VariantFacts]:
    """Facts for each existing variant among ``variant_ids`` (four queries at most)."""
    ids = set(variant_ids)
    if not ids:
        return {}
    variants = ProductVariant.objects.filter(pk__in=ids).select_related(
        "product__producer", "product__product_type"
    )
    by_id = {variant.pk: variant for variant in variants}
    if not by_id:
        return {}
    product_ids = {variant.product_id for variant in by_id.values()}
    product_listings = {
        listing.product_id: listing
        for listing in ProductChannelListing.objects.filter(
            channel=channel, product_id__in=product_ids
        )
    }
    prices = dict(
        ProductVariantChannelListing.objects.filter(
            channel=channel, variant_id__in=by_id
        ).values_list("variant_id", "price_amount")
    )
    stock_rows = (
        Stock.objects.filter(product_variant_id__in=by_id, warehouse__channels=channel)
        .order_by()
        .values("product_variant_id")
        .annotate(available=Sum(F("quantity") - F("quantity_allocated")))
    )
    stock = {row["product_variant_id"]: max(row["available"] or 0, 0) for row in stock_rows}
    return {
        pk: VariantFacts(
            variant=variant,
            product_listing=product_listings.get(variant.product_id),
            price=prices.get(pk),
            available=stock.get(pk, 0) if variant.track_inventory else None,
        )
        for pk, variant in by_id.items()
    }


def purchase_problem(
    facts: VariantFacts, channel: Channel, now: datetime | None = None
) -> CheckoutErrorCode | None:
    """Why the variant cannot be bought in ``channel`` now (Saleor's codes), or None."""
    now = now or timezone.now()
    listing = facts.product_listing
    producer = facts.variant.product.producer
    if (
        not channel.is_active
        or producer.status != ProducerStatus.APPROVED
        or listing is None
        or not listing.is_published
        or (listing.published_at is not None and listing.published_at > now)
    ):
        return CheckoutErrorCode.PRODUCT_NOT_PUBLISHED
    if listing.available_for_purchase_at is None or listing.available_for_purchase_at > now:
        return CheckoutErrorCode.PRODUCT_UNAVAILABLE_FOR_PURCHASE
    if facts.price is None:
        return CheckoutErrorCode.UNAVAILABLE_VARIANT_IN_CHANNEL
    return None
