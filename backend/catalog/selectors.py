"""Catalogue reads, scoped to what the acting user may see (Saleor's visibility rules).

Shoppers see a product in a channel when the channel is active, the product's listing is
published with ``published_at`` in the past (or unset), and its producer is APPROVED;
lists also need ``visible_in_listings``. Staff see everything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.db.models import (
    Exists,
    F,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone

from backend.accounts.roles import is_staff
from backend.catalog.models import (
    Attribute,
    AttributeProduct,
    AttributeVariant,
    Category,
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    Product,
    ProductChannelListing,
    ProductVariant,
    ProductVariantChannelListing,
)
from backend.catalog.search import search_products
from backend.channels.models import Channel
from backend.inventory.models import Stock
from backend.ocop.selectors import annotate_ocop_stars
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


def _visible_variants(
    variants: QuerySet[ProductVariant], *, user: Any, channel: Channel | None
) -> QuerySet[ProductVariant]:
    """``variants`` narrowed to those ``user`` may see in ``channel``: staff see every
    variant; everyone else only variants priced (listed) in the channel, none without one
    (Saleor hides variants without a channel listing from customers)."""
    if is_staff(user):
        return variants
    if channel is None:
        return variants.none()
    listed = ProductVariantChannelListing.objects.filter(variant=OuterRef("pk"), channel=channel)
    return variants.filter(Exists(listed))


def variant_queryset_for_user(*, user: Any, channel: Channel | None) -> QuerySet[ProductVariant]:
    """Variants of visible products; shoppers also need a price in the channel (Saleor)."""
    variants = ProductVariant.objects.filter(
        product__in=product_queryset_for_user(user=user, channel=channel)
    )
    return _visible_variants(variants, user=user, channel=channel)


def variants_by_product(
    product_ids: Iterable[int], *, user: Any, channel: Channel | None
) -> dict[int, list[ProductVariant]]:
    """product id -> the variants ``user`` may see in ``channel``, in display order (the
    caller has already checked the products are visible). One query, none when nothing
    can be visible."""
    variants = ProductVariant.objects.filter(product_id__in=list(product_ids))
    found: dict[int, list[ProductVariant]] = defaultdict(list)
    visible = _visible_variants(variants, user=user, channel=channel)
    for variant in visible.order_by("sort_order", "sku"):
        found[variant.product_id].append(variant)
    return found


def default_variants_by_product(
    product_ids: Iterable[int], *, user: Any, channel: Channel | None
) -> dict[int, ProductVariant]:
    """product id -> its default variant, when ``user`` may see it in ``channel``. One
    query."""
    defaults = Product.objects.filter(pk__in=list(product_ids)).values("default_variant_id")
    variants = ProductVariant.objects.filter(pk__in=defaults)
    visible = _visible_variants(variants, user=user, channel=channel)
    return {variant.product_id: variant for variant in visible}


def category_queryset() -> QuerySet[Category]:
    """Categories are public, as in Saleor (their parents joined: lists show them)."""
    return Category.objects.select_related("parent")


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


def _attributes_by_owner(
    links: QuerySet[Any], owner: str, *, visible_only: bool
) -> dict[int, list[Attribute]]:
    """owner id (the ``owner`` path from each link) -> the links' attributes in the product
    type's order; only those shown in the storefront when ``visible_only``. One query."""
    if visible_only:
        links = links.filter(attribute__visible_in_storefront=True)
    rows = links.annotate(owner_id=F(owner)).select_related("attribute")
    found: dict[int, list[Attribute]] = defaultdict(list)
    for link in rows.order_by("sort_order", "pk"):
        found[link.owner_id].append(link.attribute)
    return found


def attributes_by_product(
    product_ids: Iterable[int], *, visible_only: bool
) -> dict[int, list[Attribute]]:
    """product id -> the attributes its product type gives products, in the type's order
    (Saleor's ``assignedAttributes``); only those shown in the storefront when
    ``visible_only`` (every reader but staff). One query."""
    links = AttributeProduct.objects.filter(product_type__products__in=list(product_ids))
    return _attributes_by_owner(links, "product_type__products__id", visible_only=visible_only)


def attributes_by_variant(
    variant_ids: Iterable[int], *, visible_only: bool
) -> dict[int, list[Attribute]]:
    """variant id -> the attributes its product type gives variants, in the type's order;
    only those shown in the storefront when ``visible_only``. One query."""
    links = AttributeVariant.objects.filter(product_type__products__variants__in=list(variant_ids))
    return _attributes_by_owner(
        links, "product_type__products__variants__id", visible_only=visible_only
    )


def attributes_by_product_type(
    product_type_ids: Iterable[int], *, visible_only: bool
) -> dict[int, list[Attribute]]:
    """product type id -> the attributes it gives products, in its order (Saleor's
    ``ProductType.productAttributes``); only those shown in the storefront when
    ``visible_only``. One query."""
    links = AttributeProduct.objects.filter(product_type_id__in=list(product_type_ids))
    return _attributes_by_owner(links, "product_type_id", visible_only=visible_only)


def collections_by_product(
    product_ids: Iterable[int], *, user: Any, channel: Channel | None
) -> dict[int, list[Collection]]:
    """product id -> the collections ``user`` may see it in: all of them for staff; for
    others those published in ``channel`` (none without an active channel), as in Saleor.
    One query."""
    links = CollectionProduct.objects.filter(product_id__in=list(product_ids))
    if not is_staff(user):
        links = links.filter(
            collection__in=collection_queryset_for_user(user=user, channel=channel)
        )
    found: dict[int, list[Collection]] = defaultdict(list)
    for link in links.select_related("collection").order_by("collection__slug", "pk"):
        found[link.product_id].append(link.collection)
    return found


def collections_by_id(
    collection_ids: Iterable[int], *, user: Any, channel: Channel | None
) -> dict[int, Collection]:
    """id -> the collection, when ``user`` may see it: any for staff; for others only
    when published in ``channel`` and the channel is active (none without one), as
    Saleor's ``MenuItem.collection``. One query."""
    if is_staff(user):
        collections = Collection.objects.all()
    else:
        collections = collection_queryset_for_user(user=user, channel=channel)
    return {c.pk: c for c in collections.filter(pk__in=list(collection_ids))}


def variant_margin(price: int | None, cost: int | None) -> int | None:
    """Gross margin in whole percent of the price (Saleor's rounding); None without a cost
    or a price."""
    if not cost or not price:
        return None
    return round(Fraction((price - cost) * 100, price))


@dataclass(frozen=True)
class ListingCosts:
    cost_start: int
    cost_stop: int
    margin_start: int
    margin_stop: int


def listing_costs(listings: Iterable[ProductVariantChannelListing]) -> ListingCosts:
    """Purchase cost range and margin range of a product's variants in one channel; zero
    where no variant has a cost (Saleor)."""
    rows = list(listings)
    costs = sorted(row.cost_price_amount for row in rows if row.cost_price_amount is not None)
    margins = sorted(
        margin
        for row in rows
        if (margin := variant_margin(row.price_amount, row.cost_price_amount)) is not None
    )
    return ListingCosts(
        cost_start=costs[0] if costs else 0,
        cost_stop=costs[-1] if costs else 0,
        margin_start=margins[0] if margins else 0,
        margin_stop=margins[-1] if margins else 0,
    )


# Saleor's cap on what a shopper may add per line (and what untracked stock reports).
MAX_CHECKOUT_LINE_QUANTITY = 50


# The categories and every category below them (Saleor's get_descendants(include_self)).
_DESCENDANTS_SQL = """
WITH RECURSIVE tree(id) AS (
    SELECT id FROM catalog_category WHERE id = ANY(%s)
    UNION
    SELECT child.id FROM catalog_category child JOIN tree ON child.parent_id = tree.id
)
SELECT id FROM tree
"""
# Every category above one (UNION, not UNION ALL: a corrupt cycle still ends).
_ANCESTORS_SQL = """
WITH RECURSIVE up(id, parent_id) AS (
    SELECT id, parent_id FROM catalog_category WHERE id = %s
    UNION
    SELECT parent.id, parent.parent_id
    FROM catalog_category parent JOIN up ON parent.id = up.parent_id
)
SELECT id FROM up WHERE id <> %s
"""


def category_ids_with_descendants(pks: Iterable[int]) -> QuerySet[Category, Any]:
    """The pks of the categories and of every category below them (a sector includes its
    product sets), as a subquery: use it in ``category_id__in=``."""
    tree = RawSQL(_DESCENDANTS_SQL, [list(pks)])  # noqa: S611  (constant SQL, bound ids)
    return Category.objects.filter(pk__in=tree).values("pk")


def category_ancestors(category: Category) -> QuerySet[Category]:
    """The categories above ``category``, nearest last once ordered by ``level`` (Saleor
    lists them root first)."""
    above = RawSQL(_ANCESTORS_SQL, [category.pk, category.pk])  # noqa: S611  (constant SQL)
    return Category.objects.filter(pk__in=above)


def in_collections_q(pks: list[int]) -> Q:
    links = CollectionProduct.objects.filter(product=OuterRef("pk"), collection_id__in=pks)
    return Q(Exists(links))


def variant_price_q(channel: Channel | None, bounds: dict[str, Any] | None) -> Q:
    """Products with any variant priced within ``bounds`` (``gte``/``lte``) in ``channel``."""
    if not bounds:
        return Q()
    listings = ProductVariantChannelListing.objects.filter(variant__product=OuterRef("pk"))
    if channel is not None:
        listings = listings.filter(channel=channel)
    if bounds.get("gte") is not None:
        listings = listings.filter(price_amount__gte=bounds["gte"])
    if bounds.get("lte") is not None:
        listings = listings.filter(price_amount__lte=bounds["lte"])
    return Q(Exists(listings))


def available_quantities(variant_ids: Iterable[int], channel_id: int | None) -> dict[int, int]:
    """variant id -> stock minus allocations over the channel's warehouses (all warehouses
    without a channel), in one query; variants without stock are absent."""
    stocks = Stock.objects.filter(product_variant_id__in=list(variant_ids))
    if channel_id is not None:
        stocks = stocks.filter(warehouse__channels__id=channel_id)
    rows = (
        stocks.order_by()
        .values("product_variant_id")
        .annotate(available=Sum(F("quantity") - F("quantity_allocated")))
    )
    return {row["product_variant_id"]: max(row["available"] or 0, 0) for row in rows}


@dataclass(frozen=True)
class ProductListFilter:
    """What a shopper may narrow a product list by (plain values, no API ids)."""

    search: str = ""
    category_ids: tuple[int, ...] = ()
    collection_ids: tuple[int, ...] = ()
    province_codes: tuple[str, ...] = ()
    producer_ids: tuple[int, ...] = ()
    ocop_stars: tuple[int, ...] = ()
    price_gte: int | None = None
    price_lte: int | None = None


# Sort name -> ordering; every ordering ends in a unique column so pages never overlap.
PRODUCT_SORTS: dict[str, tuple[str, ...]] = {
    "name": ("name", "slug"),
    "-name": ("-name", "-slug"),
    "price": ("minimal_price", "name", "slug"),
    "-price": ("-minimal_price", "name", "slug"),
    "newest": ("-created_at", "-pk"),
    "stars": ("-sort_stars", "name", "slug"),
}


def product_list_for_user(
    *, user: Any, channel: Channel | None, filters: ProductListFilter, sort: str = ""
) -> QuerySet[Product]:
    """Products ``user`` may list in ``channel``, filtered and sorted, annotated with
    ``minimal_price`` and ``ocop_stars`` (and ``search_rank`` when searching). Without
    ``sort`` a search lists the best match first, anything else by name."""
    products = product_queryset_for_user(user=user, channel=channel, in_listings=True)
    products = annotate_ocop_stars(annotate_minimal_price(products, channel))
    condition = Q()
    if filters.category_ids:
        condition &= Q(category_id__in=category_ids_with_descendants(filters.category_ids))
    if filters.collection_ids:
        condition &= in_collections_q(list(filters.collection_ids))
    if filters.province_codes:
        condition &= Q(producer__province_code__in=filters.province_codes)
    if filters.producer_ids:
        condition &= Q(producer_id__in=filters.producer_ids)
    if filters.ocop_stars:
        condition &= Q(ocop_stars__in=filters.ocop_stars)
    condition &= variant_price_q(channel, {"gte": filters.price_gte, "lte": filters.price_lte})
    products = products.filter(condition)
    searching = bool(filters.search.strip())
    if searching:
        products = search_products(products, filters.search)
    products = products.select_related("producer", "category").defer(
        "search_vector", "search_name", "description_plaintext", "private_metadata"
    )
    if sort in PRODUCT_SORTS:
        products = products.annotate(sort_stars=Coalesce("ocop_stars", Value(0)))
        return products.order_by(*PRODUCT_SORTS[sort])
    if searching:
        return products.order_by(F("search_rank").desc(), "pk")
    return products.order_by("name", "slug")
