"""Whether variants may be bought in a channel, at what price and how many are left.

One query for any set of variants; used when lines are added and when a
checkout's totals and problems are computed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from backend.catalog.models import Product, ProductChannelListing, ProductType, ProductVariant
from backend.channels.models import Channel
from backend.checkout.error_codes import CheckoutErrorCode
from backend.core.db.rows import attach, model_columns, prepared_cursor
from producers.models import Producer, ProducerStatus

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
    """Facts for each existing variant among ``variant_ids``, in one query.

    Hand-written SQL: every checkout step reads these, and compiling the four ORM queries
    this replaces cost more CPU than PostgreSQL spent answering them (bench/README.md).
    """
    ids = sorted(set(variant_ids))
    if not ids:
        return {}
    variant, product, producer, product_type, listing = (
        model_columns(ProductVariant),
        model_columns(Product),
        model_columns(Producer),
        model_columns(ProductType),
        model_columns(ProductChannelListing),
    )
    # Identifiers come from the models; every value is a bound parameter.
    sql = f"""
        SELECT {variant.select("v")}, {product.select("p")}, {producer.select("pr")},
               {product_type.select("pt")}, {listing.select("pcl")}, vcl.price_amount,
               (SELECT SUM(s.quantity - s.quantity_allocated)
                  FROM inventory_stock s
                  JOIN inventory_warehouse_channels wc ON wc.warehouse_id = s.warehouse_id
                 WHERE s.product_variant_id = v.id AND wc.channel_id = %(channel)s::bigint)
          FROM catalog_productvariant v
          JOIN catalog_product p ON p.id = v.product_id
          JOIN producers_producer pr ON pr.id = p.producer_id
          JOIN catalog_producttype pt ON pt.id = p.product_type_id
          LEFT JOIN catalog_productchannellisting pcl
                 ON pcl.product_id = p.id AND pcl.channel_id = %(channel)s::bigint
          LEFT JOIN catalog_productvariantchannellisting vcl
                 ON vcl.variant_id = v.id AND vcl.channel_id = %(channel)s::bigint
         WHERE v.id = ANY(%(ids)s::bigint[])
    """  # noqa: S608
    with prepared_cursor() as cursor:
        cursor.execute(sql, {"channel": channel.pk, "ids": ids})
        rows = cursor.fetchall()
    facts = {}
    for row in rows:
        offset = 0
        built = []
        for columns in (variant, product, producer, product_type):
            built.append(columns.build(row, offset))
            offset += columns.width
        the_variant, the_product, the_producer, the_type = built
        attach(the_product, "producer", the_producer)
        attach(the_product, "product_type", the_type)
        attach(the_variant, "product", the_product)
        product_listing = listing.build_nullable(row, offset)
        price, available = row[offset + listing.width :]
        facts[the_variant.pk] = VariantFacts(
            variant=the_variant,  # type: ignore[arg-type]
            product_listing=product_listing,  # type: ignore[arg-type]
            price=price,
            available=max(available or 0, 0) if the_variant.track_inventory else None,  # type: ignore[attr-defined]
        )
    return facts


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
