"""Storefront test data built through the real models."""

from __future__ import annotations

from itertools import count

from backend.catalog.models import (
    Product,
    ProductChannelListing,
    ProductVariant,
    ProductVariantChannelListing,
)
from backend.catalog.search import update_product_search_index
from backend.channels.models import Channel
from backend.inventory.models import Stock, Warehouse

_numbers = count(1)


def sell(product: Product, channel: Channel, *, price: int = 85_000, stock: int = 10) -> None:
    """List a bare product (as the OCOP factories make them) for sale in ``channel``."""
    number = next(_numbers)
    variant = ProductVariant.objects.create(product=product, sku=f"SELL-{number}", name="Hộp 500 g")
    ProductVariantChannelListing.objects.create(
        variant=variant, channel=channel, price_amount=price
    )
    warehouse = Warehouse.objects.create(
        producer=product.producer,
        name=f"Kho bán {number}",
        slug=f"kho-ban-{number}",
        province_code=product.producer.province_code,
    )
    warehouse.channels.add(channel)
    Stock.objects.create(warehouse=warehouse, product_variant=variant, quantity=stock)
    ProductChannelListing.objects.create(
        product=product, channel=channel, is_published=True, visible_in_listings=True
    )
    update_product_search_index([product.pk])
