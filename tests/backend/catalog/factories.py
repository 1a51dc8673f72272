"""Catalogue test data built through the real models and the real search indexer."""

from __future__ import annotations

import io
from datetime import timedelta
from itertools import count

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from backend.catalog.models import (
    Category,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
)
from backend.catalog.search import update_product_search_index
from backend.channels.models import Channel
from backend.inventory.models import Stock, Warehouse
from producers.models import LegalForm, Producer, ProducerStatus

_sequence = count(1)


def png_bytes(width: int = 40, height: int = 30, color: str = "#c0392b") -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (width, height), color).save(output, format="PNG")
    return output.getvalue()


def make_channel(slug: str = "vn", *, is_active: bool = True) -> Channel:
    channel, _ = Channel.objects.get_or_create(
        slug=slug, defaults={"name": slug.upper(), "is_active": is_active}
    )
    return channel


def make_producer(
    name: str = "HTX Nông sản Sạch",
    *,
    status: str = ProducerStatus.APPROVED,
    province_code: str = "38",
) -> Producer:
    number = next(_sequence)
    return Producer.objects.create(
        name=name,
        legal_name=name,
        slug=f"producer-{number}",
        legal_form=LegalForm.HOP_TAC_XA,
        province_code=province_code,
        status=status,
    )


def product_type() -> ProductType:
    return ProductType.objects.get_or_create(slug="thuc-pham", defaults={"name": "Thực phẩm"})[0]


def make_product(
    name: str,
    *,
    channel: Channel | None,
    producer: Producer | None = None,
    prices: tuple[int, ...] = (50_000,),
    product_set: int = 8,
    is_published: bool = True,
    published_at: object = "past",
    visible_in_listings: bool = True,
    with_image: bool = True,
    stock: int = 10,
    description: str = "",
) -> Product:
    number = next(_sequence)
    product = Product.objects.create(
        producer=producer or make_producer(),
        product_type=product_type(),
        category=Category.objects.get(ocop_product_set=product_set),
        name=name,
        slug=f"product-{number}",
        description_plaintext=description,
        description={"blocks": [{"type": "paragraph", "data": {"text": description}}]},
    )
    warehouse = None
    for index, price in enumerate(prices):
        variant = ProductVariant.objects.create(
            product=product, sku=f"SKU-{number}-{index}", name=f"{index + 1} kg"
        )
        if channel is not None:
            ProductVariantChannelListing.objects.create(
                variant=variant, channel=channel, price_amount=price
            )
            if warehouse is None:
                warehouse = Warehouse.objects.create(
                    producer=product.producer,
                    name=f"Kho {number}",
                    slug=f"kho-{number}",
                    province_code=product.producer.province_code,
                )
                warehouse.channels.add(channel)
            Stock.objects.create(warehouse=warehouse, product_variant=variant, quantity=stock)
    if channel is not None:
        when = timezone.now() - timedelta(days=1) if published_at == "past" else published_at
        ProductChannelListing.objects.create(
            product=product,
            channel=channel,
            is_published=is_published,
            published_at=when,
            visible_in_listings=visible_in_listings,
            available_for_purchase_at=timezone.now() - timedelta(days=1),
            discounted_price_amount=min(prices),
        )
    if with_image:
        media = ProductMedia(product=product, alt=name)
        media.image.save(f"p{number}.png", ContentFile(png_bytes()), save=False)
        media.save()
    update_product_search_index([product.pk])
    return product
