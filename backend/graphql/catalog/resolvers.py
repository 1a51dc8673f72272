"""The products connection, shared by ``products``, ``Category.products`` and
``Collection.products``."""

from __future__ import annotations

from typing import Any

import graphene
from django.db.models import QuerySet

from backend.catalog.models import Product
from backend.catalog.search import search_products
from backend.catalog.selectors import (
    annotate_minimal_price,
    product_queryset_for_user,
)
from backend.channels.models import Channel
from backend.graphql.catalog.filters import filter_products, where_q
from backend.graphql.catalog.sorters import sort_products
from backend.graphql.catalog.types.products import ProductCountableConnection, prepare_products
from backend.graphql.core.connection import resolve_connection
from backend.ocop.selectors import annotate_ocop_stars


def resolve_products(
    info: graphene.ResolveInfo,
    *,
    channel: Channel | None,
    args: dict[str, Any],
    scope: QuerySet[Product] | None = None,
) -> Any:
    """A page of the products ``info.context.user`` may list in ``channel`` (``scope``
    narrows them, e.g. to a category), filtered, searched and sorted as Saleor does."""
    products = product_queryset_for_user(user=info.context.user, channel=channel, in_listings=True)
    if scope is not None:
        products = products.filter(pk__in=scope.values("pk"))
    products = annotate_ocop_stars(annotate_minimal_price(products, channel))
    filter_data = args.get("filter") or {}
    searching = bool(args.get("search") or filter_data.get("search"))
    products = filter_products(products, filter_data, channel)
    products = products.filter(where_q(args.get("where"), channel))
    if args.get("search") and not filter_data.get("search"):
        products = search_products(products, args["search"])
    # The search columns are large and never shown: leave them out of sorts and rows.
    products = products.select_related("producer", "category__parent", "product_type").defer(
        "search_vector", "search_name", "description_plaintext", "private_metadata"
    )
    products, sort_fields, descending = sort_products(
        products, args.get("sort_by"), channel=channel, searching=searching
    )
    connection = resolve_connection(
        ProductCountableConnection,
        products,
        args,
        sort_fields=sort_fields,
        descending=descending,
        connection_name="products",
    )
    prepare_products(info, [edge.node for edge in connection.edges], channel)
    return connection
