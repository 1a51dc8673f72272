"""Reads behind the storefront pages, composed from the apps' selectors.

Every function runs a fixed number of queries whatever the number of products, so pages
render in constant SQL (tests assert it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet

from backend.accounts.vn_units import province_by_code, ward_by_code
from backend.catalog.models import Product, ProductMedia, ProductVariantChannelListing
from backend.catalog.selectors import (
    ProductListFilter,
    available_quantities,
    category_queryset,
    collection_queryset_for_user,
    product_list_for_user,
    variant_queryset_for_user,
)
from backend.channels.models import Channel
from backend.channels.selectors import NoDefaultChannel, channel_default
from backend.ocop.models import Certificate
from backend.ocop.selectors import active_certificate_for_product
from producers.models import Producer
from producers.selectors import producers_public_list
from qr.models import Batch
from qr.selectors import public_batches_for_product

PAGE_SIZE = 24
FEATURED_COLLECTION = "noi-bat"
FEATURED_COUNT = 8


def shop_channel() -> Channel | None:
    """The storefront sells in the default channel; none configured means nothing listed."""
    try:
        return channel_default()
    except NoDefaultChannel:
        return None


def _with_media(products: QuerySet[Product]) -> QuerySet[Product]:
    return products.prefetch_related(
        Prefetch("media", queryset=ProductMedia.objects.order_by("sort_order", "pk"))
    )


def product_page_of(*, user: Any, filters: ProductListFilter, sort: str, page_number: Any) -> Page:
    """One page of the product list (count, products, media: three queries)."""
    products = product_list_for_user(user=user, channel=shop_channel(), filters=filters, sort=sort)
    return Paginator(_with_media(products), PAGE_SIZE).get_page(page_number)


@dataclass(frozen=True)
class Home:
    featured: list[Product]
    sectors: list[Any]
    provinces: list[Any]


def home(*, user: Any) -> Home:
    channel = shop_channel()
    collection = (
        collection_queryset_for_user(user=user, channel=channel)
        .filter(slug=FEATURED_COLLECTION)
        .first()
    )
    featured: list[Product] = []
    if collection is not None:
        products = product_list_for_user(
            user=user, channel=channel, filters=ProductListFilter(collection_ids=(collection.pk,))
        )
        featured = list(_with_media(products)[:FEATURED_COUNT])
    codes = producers_public_list().order_by().values_list("province_code", flat=True).distinct()
    provinces = sorted(
        (p for p in (province_by_code(code) for code in codes) if p is not None),
        key=lambda province: province.name,
    )
    return Home(
        featured=featured,
        sectors=list(category_queryset().filter(level=0)),
        provinces=provinces,
    )


@dataclass(frozen=True)
class VariantRow:
    pk: int
    name: str
    sku: str
    price: int | None
    available: int


@dataclass(frozen=True)
class ProductPage:
    product: Product
    media: list[ProductMedia]
    variants: list[VariantRow]
    certificate: Certificate | None
    batches: list[Batch]


def product_page(*, user: Any, channel: Channel | None, product: Product) -> ProductPage:
    """Variants priced in the channel with their stock, images, the certificate in force
    and the latest batches of a product the user may see."""
    listings = ProductVariantChannelListing.objects.filter(channel=channel)
    variants = list(
        variant_queryset_for_user(user=user, channel=channel)
        .filter(product=product)
        .prefetch_related(Prefetch("channel_listings", queryset=listings, to_attr="prices"))
        .order_by("sort_order", "pk")
    )
    stock = available_quantities([v.pk for v in variants], channel.pk if channel else None)
    rows = [
        VariantRow(
            pk=variant.pk,
            name=variant.name or product.name,
            sku=variant.sku,
            price=variant.prices[0].price_amount if variant.prices else None,
            available=stock.get(variant.pk, 0),
        )
        for variant in variants
    ]
    return ProductPage(
        product=product,
        media=list(product.media.order_by("sort_order", "pk")),
        variants=rows,
        certificate=active_certificate_for_product(product),
        batches=public_batches_for_product(product),
    )


def seller_address(producer: Producer) -> str:
    """Street, commune and province: the seller's address Decree 85/2021 asks for."""
    ward = ward_by_code(producer.commune_code) if producer.commune_code else None
    province = province_by_code(producer.province_code)
    parts = [
        producer.street_address,
        ward.full_name if ward else "",
        province.full_name if province else "",
    ]
    return ", ".join(part for part in parts if part)
