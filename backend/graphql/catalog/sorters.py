"""Product sorting: each Saleor sort field maps to non-null keyset columns (pk is appended)."""

from __future__ import annotations

from typing import Any

import graphene
from django.db.models import (
    BooleanField,
    DateTimeField,
    F,
    FloatField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from graphql import GraphQLError

from backend.catalog.models import Product, ProductChannelListing
from backend.channels.models import Channel
from backend.graphql.catalog.enums import ProductOrderField
from backend.graphql.core.enums import OrderDirection

EPOCH = "1970-01-01T00:00:00+00:00"


class ProductOrder(graphene.InputObjectType):
    """Represents sorting by a product field."""

    direction = graphene.Argument(
        OrderDirection, required=True, description="Specifies the direction of sorting."
    )
    channel = graphene.String(description="Deprecated: use the `channel` argument of the query.")
    attribute_id = graphene.ID(description="Sort by an attribute's values (not supported yet).")
    field = graphene.Argument(ProductOrderField, description="Sort products by the field.")


def _listing_value(channel: Channel | None, field: str) -> Subquery:
    listings = ProductChannelListing.objects.filter(product=OuterRef("pk"))
    if channel is not None:
        listings = listings.filter(channel=channel)
    return Subquery(listings.order_by("pk").values(field)[:1])


def sort_products(
    products: QuerySet[Product],
    sort_by: dict[str, Any] | None,
    *,
    channel: Channel | None,
    searching: bool,
) -> tuple[QuerySet[Product], list[str], bool]:
    """The queryset (with sort annotations), its keyset columns and whether descending.

    Expects ``minimal_price`` and ``ocop_stars`` annotations (and ``search_rank`` when
    ``searching``). Without ``sortBy`` a search sorts by RANK, anything else by NAME.
    """
    if sort_by and sort_by.get("attribute_id"):
        raise GraphQLError("Sorting by attribute is not supported.")
    field = getattr(sort_by.get("field"), "value", sort_by.get("field")) if sort_by else None
    if field is None:
        # Saleor's defaults: a search lists the best match first, anything else by name.
        return (
            (products, ["search_rank"], True) if searching else (products, ["name", "slug"], False)
        )
    direction = getattr(sort_by.get("direction"), "value", "asc") if sort_by else "asc"
    descending = direction == "desc"
    if field == "rank":
        if not searching:
            raise GraphQLError("Sorting by RANK is available only when using a search filter.")
        return products, ["search_rank"], descending
    if field == "name":
        return products, ["name", "slug"], descending
    if field in ("price", "minimal_price"):
        return products, ["minimal_price", "name"], descending
    if field in ("last_modified", "date", "last_modified_at"):
        return products, ["updated_at"], descending
    if field == "created_at":
        return products, ["created_at"], descending
    if field == "rating":
        products = products.annotate(
            sort_rating=Coalesce("rating", Value(0.0), output_field=FloatField())
        )
        return products, ["sort_rating"], descending
    if field == "type":
        products = products.annotate(sort_type=F("product_type__name"))
        return products, ["sort_type", "name"], descending
    if field == "published":
        products = products.annotate(
            sort_published=Coalesce(
                _listing_value(channel, "is_published"), Value(False), output_field=BooleanField()
            )
        )
        return products, ["sort_published", "name"], descending
    if field in ("publication_date", "published_at"):
        products = products.annotate(
            sort_published_at=Coalesce(
                _listing_value(channel, "published_at"),
                Value(EPOCH),
                output_field=DateTimeField(),
            )
        )
        return products, ["sort_published_at"], descending
    if field == "ocop_stars":
        products = products.annotate(sort_stars=Coalesce("ocop_stars", Value(0)))
        return products, ["sort_stars", "name"], descending
    raise GraphQLError(f"Unsupported sort field: {field}.")
