"""Catalogue reads, scoped to what the acting user may see (Saleor's visibility rules).

Shoppers see a product in a channel when the channel is active, the product's listing is
published with ``published_at`` in the past (or unset), and its producer is APPROVED;
lists also need ``visible_in_listings``. Staff see everything.
"""

from __future__ import annotations

from typing import Any

from django.db.models import (
    Exists,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from backend.catalog.models import (
    Category,
    Collection,
    CollectionChannelListing,
    Product,
    ProductChannelListing,
    ProductVariant,
    ProductVariantChannelListing,
)
from backend.channels.models import Channel
from backend.channels.selectors import is_staff
from producers.models import ProducerStatus


def _published_listings(channel: Channel, *, in_listings: bool) -> QuerySet[ProductChannelListing]:
    now = timezone.now()
    listings = ProductChannelListing.objects.filter(channel=channel, is_published=True).filter(
        Q(published_at__lte=now) | Q(published_at__isnull=True)
    )
    if in_listings:
        listings = listings.filter(visible_in_listings=True)
    return listings


def product_queryset_for_user(
    *, user: Any, channel: Channel | None, in_listings: bool = False
) -> QuerySet[Product]:
    """Products ``user`` may see in ``channel`` (None: staff reading across channels)."""
    products = Product.objects.all()
    if is_staff(user):
        if channel is not None:
            products = products.filter(
                Exists(
                    ProductChannelListing.objects.filter(product=OuterRef("pk"), channel=channel)
                )
            )
        return products
    if channel is None or not channel.is_active:
        return products.none()
    listings = _published_listings(channel, in_listings=in_listings)
    return products.filter(
        Exists(listings.filter(product=OuterRef("pk"))),
        producer__status=ProducerStatus.APPROVED,
    )


def annotate_minimal_price(
    products: QuerySet[Product], channel: Channel | None
) -> QuerySet[Product]:
    """``minimal_price``: the cheapest variant price in the channel (or any channel for staff
    reading without one); 0 when unpriced, so it can be a keyset sort key."""
    listings = ProductVariantChannelListing.objects.filter(variant__product=OuterRef("pk"))
    if channel is not None:
        listings = listings.filter(channel=channel)
    cheapest = (
        listings.order_by()
        .values("variant__product")
        .annotate(amount=Min("price_amount"))
        .values("amount")
    )
    return products.annotate(minimal_price=Coalesce(Subquery(cheapest), Value(0)))


def annotate_ocop_stars(products: QuerySet[Product]) -> QuerySet[Product]:
    """``ocop_stars``: the product's current OCOP star rating, null when uncertified.

    Certification is not modelled yet, so every product is uncertified: a stars filter
    matches nothing and OCOP_STARS sorting falls back to the tie-breakers.
    """
    return products.annotate(ocop_stars=Value(None, output_field=IntegerField()))


def product_get_for_user(
    *,
    user: Any,
    channel: Channel | None,
    pk: str | None = None,
    slug: str | None = None,
    slug_language_code: str | None = None,
) -> Product | None:
    """One product by pk or slug (a translated slug with ``slug_language_code``), or None."""
    products = product_queryset_for_user(user=user, channel=channel).select_related(
        "producer", "category", "product_type"
    )
    if pk is not None:
        if not pk.isdigit():
            return None
        return products.filter(pk=int(pk)).first()
    if slug is None:
        return None
    if slug_language_code:
        return products.filter(
            translations__language_code=slug_language_code, translations__slug=slug
        ).first()
    return products.filter(slug=slug).first()


def variant_queryset_for_user(*, user: Any, channel: Channel | None) -> QuerySet[ProductVariant]:
    """Variants of visible products; shoppers also need a price in the channel (Saleor)."""
    variants = ProductVariant.objects.filter(
        product__in=product_queryset_for_user(user=user, channel=channel)
    )
    if channel is not None and not is_staff(user):
        variants = variants.filter(
            Exists(
                ProductVariantChannelListing.objects.filter(variant=OuterRef("pk"), channel=channel)
            )
        )
    return variants


def category_queryset() -> QuerySet[Category]:
    """Categories are public, as in Saleor."""
    return Category.objects.all()


def collection_queryset_for_user(*, user: Any, channel: Channel | None) -> QuerySet[Collection]:
    collections = Collection.objects.all()
    if is_staff(user):
        if channel is not None:
            collections = collections.filter(
                Exists(
                    CollectionChannelListing.objects.filter(
                        collection=OuterRef("pk"), channel=channel
                    )
                )
            )
        return collections
    if channel is None or not channel.is_active:
        return collections.none()
    now = timezone.now()
    listings = CollectionChannelListing.objects.filter(
        collection=OuterRef("pk"), channel=channel, is_published=True
    ).filter(Q(published_at__lte=now) | Q(published_at__isnull=True))
    return collections.filter(Exists(listings))


# Saleor's cap on what a shopper may add per line (and what untracked stock reports).
MAX_CHECKOUT_LINE_QUANTITY = 50
