"""Product filters: Saleor's ``filter`` and ``where`` inputs plus OCOP's own fields."""

from __future__ import annotations

from typing import Any

import graphene
from django.db.models import Exists, OuterRef, Q, QuerySet

from backend.catalog.models import (
    Product,
    ProductVariantChannelListing,
)
from backend.catalog.search import search_products
from backend.catalog.selectors import (
    category_ids_with_descendants,
    in_collections_q,
    variant_price_q,
)
from backend.channels.models import Channel
from backend.graphql.core.filters import (
    DecimalFilterInput,
    GlobalIDFilterInput,
    PriceRangeInput,
    StringFilterInput,
    decimal_q,
    global_id_q,
    pks_of,
    string_q,
)
from backend.inventory.models import Stock


class StockAvailability(graphene.Enum):
    """Represents stock availability."""

    IN_STOCK = "in_stock"
    OUT_OF_STOCK = "out_of_stock"


class ProductFilterInput(graphene.InputObjectType):
    """Filters of the products list (Saleor's, plus provinces, ocopStars and producers)."""

    is_published = graphene.Boolean(description="Filter by publication in the channel.")
    collections = graphene.List(graphene.NonNull(graphene.ID), description="Collection IDs.")
    categories = graphene.List(
        graphene.NonNull(graphene.ID), description="Category IDs (a sector includes its sets)."
    )
    has_category = graphene.Boolean(description="Whether the product has a category.")
    stock_availability = graphene.Field(StockAvailability, description="Filter by stock.")
    search = graphene.String(description="Search text (with or without diacritics).")
    price = graphene.Field(PriceRangeInput, description="Any variant priced in this range.")
    minimal_price = graphene.Field(PriceRangeInput, description="Cheapest variant in range.")
    product_types = graphene.List(graphene.NonNull(graphene.ID), description="Product type IDs.")
    ids = graphene.List(graphene.NonNull(graphene.ID), description="Product IDs.")
    slugs = graphene.List(graphene.NonNull(graphene.String), description="Product slugs.")
    provinces = graphene.List(
        graphene.NonNull(graphene.String),
        description="Province codes of the producers, e.g. 38 for Thanh Hóa (OCOP).",
    )
    ocop_stars = graphene.List(
        graphene.NonNull(graphene.Int),
        description="OCOP star ratings (3-5); uncertified products never match (OCOP).",
    )
    producers = graphene.List(graphene.NonNull(graphene.ID), description="Producer IDs (OCOP).")


class ProductWhereInput(graphene.InputObjectType):
    """Where filtering options for products."""

    ids = graphene.List(graphene.NonNull(graphene.ID), description="Product IDs.")
    name = graphene.Field(StringFilterInput, description="Filter by product name.")
    slug = graphene.Field(StringFilterInput, description="Filter by product slug.")
    product_type = graphene.Field(GlobalIDFilterInput, description="Filter by product type.")
    category = graphene.Field(GlobalIDFilterInput, description="Filter by category.")
    collection = graphene.Field(GlobalIDFilterInput, description="Filter by collection.")
    has_category = graphene.Boolean(description="Whether the product has a category.")
    price = graphene.Field(DecimalFilterInput, description="Filter by any variant's price.")
    minimal_price = graphene.Field(DecimalFilterInput, description="Filter by minimal price.")
    AND = graphene.List(graphene.NonNull(lambda: ProductWhereInput), description="All of.")
    OR = graphene.List(graphene.NonNull(lambda: ProductWhereInput), description="Any of.")


def _range_q(field: str, bounds: dict[str, Any] | None) -> Q:
    condition = Q()
    if bounds and bounds.get("gte") is not None:
        condition &= Q(**{f"{field}__gte": bounds["gte"]})
    if bounds and bounds.get("lte") is not None:
        condition &= Q(**{f"{field}__lte": bounds["lte"]})
    return condition


def _stock_q(channel: Channel | None, availability: str) -> Q:
    stocks = Stock.objects.filter(product_variant__product=OuterRef("pk"), quantity__gt=0)
    if channel is not None:
        stocks = stocks.filter(warehouse__channels=channel)
    in_stock = Q(Exists(stocks))
    return in_stock if availability == "in_stock" else ~in_stock


def filter_products(
    products: QuerySet[Product], data: dict[str, Any] | None, channel: Channel | None
) -> QuerySet[Product]:
    """Apply ``filter``; expects ``minimal_price`` and ``ocop_stars`` annotations."""
    if not data:
        return products
    condition = Q()
    if data.get("collections"):
        condition &= in_collections_q(pks_of(data["collections"], "Collection"))
    if data.get("categories"):
        condition &= Q(
            category_id__in=category_ids_with_descendants(pks_of(data["categories"], "Category"))
        )
    if data.get("has_category") is not None:
        condition &= Q(category__isnull=not data["has_category"])
    if data.get("product_types"):
        condition &= Q(product_type_id__in=pks_of(data["product_types"], "ProductType"))
    if data.get("ids"):
        condition &= Q(pk__in=pks_of(data["ids"], "Product"))
    if data.get("slugs"):
        condition &= Q(slug__in=data["slugs"])
    if data.get("provinces"):
        condition &= Q(producer__province_code__in=data["provinces"])
    if data.get("producers"):
        condition &= Q(producer_id__in=pks_of(data["producers"], "Producer"))
    if data.get("ocop_stars") is not None:
        condition &= Q(ocop_stars__in=data["ocop_stars"])
    if data.get("is_published") is not None and channel is not None:
        published = Q(channel_listings__channel=channel, channel_listings__is_published=True)
        condition &= published if data["is_published"] else ~published
    if data.get("stock_availability"):
        availability: Any = data["stock_availability"]
        condition &= _stock_q(channel, getattr(availability, "value", availability))
    condition &= variant_price_q(channel, data.get("price"))
    condition &= _range_q("minimal_price", data.get("minimal_price"))
    products = products.filter(condition)
    if data.get("search"):
        products = search_products(products, data["search"])
    return products


def where_q(data: dict[str, Any] | None, channel: Channel | None) -> Q:
    """The ``where`` input as one Q (AND/OR nest)."""
    if not data:
        return Q()
    condition = Q()
    if data.get("ids"):
        condition &= Q(pk__in=pks_of(data["ids"], "Product"))
    condition &= string_q("name", data.get("name"))
    condition &= string_q("slug", data.get("slug"))
    condition &= global_id_q("product_type_id", data.get("product_type"), "ProductType")
    condition &= global_id_q("category_id", data.get("category"), "Category")
    collection = data.get("collection") or {}
    collection_ids = [collection["eq"]] if collection.get("eq") else collection.get("one_of")
    if collection_ids:
        condition &= in_collections_q(pks_of(collection_ids, "Collection"))
    if data.get("has_category") is not None:
        condition &= Q(category__isnull=not data["has_category"])
    if data.get("price"):
        listings = ProductVariantChannelListing.objects.filter(variant__product=OuterRef("pk"))
        if channel is not None:
            listings = listings.filter(channel=channel)
        listings = listings.filter(decimal_q("price_amount", data["price"]))
        condition &= Q(Exists(listings))
    condition &= decimal_q("minimal_price", data.get("minimal_price"))
    for nested in data.get("AND") or []:
        condition &= where_q(nested, channel)
    if data.get("OR"):
        any_of = Q()
        for nested in data["OR"]:
            any_of |= where_q(nested, channel)
        condition &= any_of
    return condition
