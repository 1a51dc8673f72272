"""Catalogue queries in Saleor's spelling."""

from __future__ import annotations

from typing import Any

import graphene
from django.db.models import Count, Q
from graphql import GraphQLError

from backend.catalog.selectors import (
    category_queryset,
    collection_queryset_for_user,
    product_get_for_user,
    variant_queryset_for_user,
)
from backend.graphql.catalog.enums import (
    CategorySortField,
    CollectionSortField,
    ProductVariantSortField,
)
from backend.graphql.catalog.mutations.product_channel_listing_update import (
    ProductChannelListingUpdate,
)
from backend.graphql.catalog.mutations.product_create import ProductCreate
from backend.graphql.catalog.mutations.product_delete import ProductDelete
from backend.graphql.catalog.mutations.product_media_create import ProductMediaCreate
from backend.graphql.catalog.mutations.product_update import ProductUpdate
from backend.graphql.catalog.mutations.product_variant_channel_listing_update import (
    ProductVariantChannelListingUpdate,
)
from backend.graphql.catalog.mutations.product_variant_create import ProductVariantCreate
from backend.graphql.catalog.mutations.product_variant_delete import ProductVariantDelete
from backend.graphql.catalog.mutations.product_variant_stocks_update import (
    ProductVariantStocksUpdate,
)
from backend.graphql.catalog.mutations.product_variant_update import ProductVariantUpdate
from backend.graphql.catalog.resolvers import resolve_products
from backend.graphql.catalog.types.categories import (
    Category,
    CategoryCountableConnection,
    Collection,
    CollectionCountableConnection,
    products_field,
)
from backend.graphql.catalog.types.common import register_categories, with_channel
from backend.graphql.catalog.types.products import Product, prepare_products
from backend.graphql.catalog.types.variants import (
    ProductVariant,
    ProductVariantCountableConnection,
)
from backend.graphql.channels.types import request_channel
from backend.graphql.core.connection import connection_args, resolve_connection
from backend.graphql.core.dataloaders import register
from backend.graphql.core.enums import LanguageCodeEnum, OrderDirection, language_code_value
from backend.graphql.core.filters import GlobalIDFilterInput, StringFilterInput, pks_of, string_q
from backend.graphql.core.ids import decode_id

# A variant's product with what product fields show, in the variant's own query.
VARIANT_PRODUCT_RELATIONS = ("product__producer", "product__category", "product__product_type")


class CategoryFilterInput(graphene.InputObjectType):
    search = graphene.String(description="Search by name or slug.")
    ids = graphene.List(graphene.NonNull(graphene.ID), description="Category IDs.")
    slugs = graphene.List(graphene.NonNull(graphene.String), description="Category slugs.")


class CategoryWhereInput(graphene.InputObjectType):
    ids = graphene.List(graphene.NonNull(graphene.ID), description="Category IDs.")
    AND = graphene.List(graphene.NonNull(lambda: CategoryWhereInput), description="All of.")
    OR = graphene.List(graphene.NonNull(lambda: CategoryWhereInput), description="Any of.")


class CategorySortingInput(graphene.InputObjectType):
    direction = graphene.Argument(OrderDirection, required=True, description="Direction.")
    field = graphene.Argument(CategorySortField, required=True, description="Sort by field.")


class CollectionFilterInput(graphene.InputObjectType):
    search = graphene.String(description="Search by name or slug.")
    ids = graphene.List(graphene.NonNull(graphene.ID), description="Collection IDs.")
    slugs = graphene.List(graphene.NonNull(graphene.String), description="Collection slugs.")


class CollectionWhereInput(graphene.InputObjectType):
    ids = graphene.List(graphene.NonNull(graphene.ID), description="Collection IDs.")
    AND = graphene.List(graphene.NonNull(lambda: CollectionWhereInput), description="All of.")
    OR = graphene.List(graphene.NonNull(lambda: CollectionWhereInput), description="Any of.")


class CollectionSortingInput(graphene.InputObjectType):
    direction = graphene.Argument(OrderDirection, required=True, description="Direction.")
    field = graphene.Argument(CollectionSortField, required=True, description="Sort by field.")


class ProductVariantFilterInput(graphene.InputObjectType):
    search = graphene.String(description="Search by SKU or name.")
    sku = graphene.List(graphene.NonNull(graphene.String), description="SKUs.")


class ProductVariantWhereInput(graphene.InputObjectType):
    ids = graphene.List(graphene.NonNull(graphene.ID), description="Variant IDs.")
    sku = graphene.Field(StringFilterInput, description="Filter by SKU.")
    product = graphene.Field(GlobalIDFilterInput, description="Filter by product (OCOP).")


class ProductVariantSortingInput(graphene.InputObjectType):
    direction = graphene.Argument(OrderDirection, required=True, description="Direction.")
    field = graphene.Argument(ProductVariantSortField, required=True, description="Sort by field.")


def _ids_where(data: dict[str, Any] | None, type_name: str) -> Q:
    if not data:
        return Q()
    condition = Q(pk__in=pks_of(data["ids"], type_name)) if data.get("ids") else Q()
    for nested in data.get("AND") or []:
        condition &= _ids_where(nested, type_name)
    if data.get("OR"):
        any_of = Q()
        for nested in data["OR"]:
            any_of |= _ids_where(nested, type_name)
        condition &= any_of
    return condition


def _name_filter(data: dict[str, Any] | None, type_name: str) -> Q:
    if not data:
        return Q()
    condition = Q()
    if data.get("search"):
        condition &= Q(name__icontains=data["search"]) | Q(slug__icontains=data["search"])
    if data.get("ids"):
        condition &= Q(pk__in=pks_of(data["ids"], type_name))
    if data.get("slugs"):
        condition &= Q(slug__in=data["slugs"])
    return condition


def _direction(sort_by: dict[str, Any] | None) -> bool:
    return bool(sort_by) and getattr(sort_by["direction"], "value", "") == "desc"  # type: ignore[index]


def _one_of(id: str | None, slug: str | None) -> None:
    if bool(id) == bool(slug):
        raise GraphQLError("Argument 'id' or 'slug' must be specified.")


def _pk(global_id: str, type_name: str) -> int:
    """The integer pk of a well-formed global ID; 0 (no row) when its pk is not a number."""
    pk = decode_id(global_id, type_name)
    return int(pk) if pk.isdigit() else 0


class CatalogQueries(graphene.ObjectType):
    products = products_field("List of the shop's products.")
    product = graphene.Field(
        Product,
        id=graphene.ID(description="ID of the product."),
        slug=graphene.String(description="Slug of the product."),
        slug_language_code=graphene.Argument(
            LanguageCodeEnum, description="Language code of the translated slug."
        ),
        channel=graphene.String(description="Slug of a channel."),
        description="Look up a product by ID or slug.",
    )
    product_variant = graphene.Field(
        ProductVariant,
        id=graphene.ID(description="ID of the product variant."),
        sku=graphene.String(description="SKU of the product variant."),
        channel=graphene.String(description="Slug of a channel."),
        description="Look up a product variant by ID or SKU.",
    )
    product_variants = graphene.Field(
        ProductVariantCountableConnection,
        ids=graphene.List(graphene.NonNull(graphene.ID), description="Filter by IDs."),
        channel=graphene.String(description="Slug of a channel."),
        filter=graphene.Argument(ProductVariantFilterInput, description="Filtering options."),
        where=graphene.Argument(ProductVariantWhereInput, description="Where filtering options."),
        search=graphene.String(description="Search by SKU or name."),
        sort_by=graphene.Argument(ProductVariantSortingInput, description="Sort variants."),
        **connection_args(),
        description="List of product variants.",
    )
    categories = graphene.Field(
        CategoryCountableConnection,
        filter=graphene.Argument(CategoryFilterInput, description="Filtering options."),
        where=graphene.Argument(CategoryWhereInput, description="Where filtering options."),
        sort_by=graphene.Argument(CategorySortingInput, description="Sort categories."),
        level=graphene.Int(description="Filter by level (0: OCOP sectors, 1: product sets)."),
        **connection_args(),
        description="List of the shop's categories (the OCOP taxonomy).",
    )
    category = graphene.Field(
        Category,
        id=graphene.ID(description="ID of the category."),
        slug=graphene.String(description="Slug of the category."),
        slug_language_code=graphene.Argument(
            LanguageCodeEnum, description="Language code of the translated slug."
        ),
        description="Look up a category by ID or slug.",
    )
    collections = graphene.Field(
        CollectionCountableConnection,
        filter=graphene.Argument(CollectionFilterInput, description="Filtering options."),
        where=graphene.Argument(CollectionWhereInput, description="Where filtering options."),
        sort_by=graphene.Argument(CollectionSortingInput, description="Sort collections."),
        channel=graphene.String(description="Slug of a channel."),
        **connection_args(),
        description="List of the shop's collections.",
    )
    collection = graphene.Field(
        Collection,
        id=graphene.ID(description="ID of the collection."),
        slug=graphene.String(description="Slug of the collection."),
        slug_language_code=graphene.Argument(
            LanguageCodeEnum, description="Language code of the translated slug."
        ),
        channel=graphene.String(description="Slug of a channel."),
        description="Look up a collection by ID or slug.",
    )

    @staticmethod
    def resolve_products(root: object, info: graphene.ResolveInfo, **args: Any) -> Any:
        channel = request_channel(info, args.get("channel"))
        return resolve_products(info, channel=channel, args=args)

    @staticmethod
    def resolve_product(
        root: object,
        info: graphene.ResolveInfo,
        id: str | None = None,
        slug: str | None = None,
        slug_language_code: Any = None,
        channel: str | None = None,
    ) -> Any:
        _one_of(id, slug)
        channel_obj = request_channel(info, channel)
        product = product_get_for_user(
            user=info.context.user,
            channel=channel_obj,
            pk=decode_id(id, "Product") if id else None,
            slug=slug,
            slug_language_code=language_code_value(slug_language_code)
            if slug_language_code
            else None,
        )
        if product is not None:
            prepare_products(info, [product], channel_obj)
        return product

    @staticmethod
    def resolve_product_variant(
        root: object,
        info: graphene.ResolveInfo,
        id: str | None = None,
        sku: str | None = None,
        channel: str | None = None,
    ) -> Any:
        if bool(id) == bool(sku):
            raise GraphQLError("Argument 'id' or 'sku' must be specified.")
        channel_obj = request_channel(info, channel)
        variants = variant_queryset_for_user(user=info.context.user, channel=channel_obj)
        variants = variants.select_related(*VARIANT_PRODUCT_RELATIONS)
        variant = (
            variants.filter(pk=_pk(id, "ProductVariant")).first()
            if id
            else variants.filter(sku=sku).first()
        )
        if variant is not None:
            with_channel([variant], channel_obj)
        return variant

    @staticmethod
    def resolve_product_variants(root: object, info: graphene.ResolveInfo, **args: Any) -> Any:
        channel = request_channel(info, args.get("channel"))
        variants = variant_queryset_for_user(user=info.context.user, channel=channel)
        if args.get("ids"):
            variants = variants.filter(pk__in=pks_of(args["ids"], "ProductVariant"))
        filter_data = args.get("filter") or {}
        search = args.get("search") or filter_data.get("search")
        if search:
            variants = variants.filter(Q(sku__icontains=search) | Q(name__icontains=search))
        if filter_data.get("sku"):
            variants = variants.filter(sku__in=filter_data["sku"])
        where = args.get("where") or {}
        if where.get("ids"):
            variants = variants.filter(pk__in=pks_of(where["ids"], "ProductVariant"))
        variants = variants.filter(string_q("sku", where.get("sku")))
        product = where.get("product") or {}
        product_ids = [product["eq"]] if product.get("eq") else product.get("one_of")
        if product_ids:
            variants = variants.filter(product_id__in=pks_of(product_ids, "Product"))
        sort_by = args.get("sort_by")
        fields = ["updated_at"] if sort_by else ["sku"]
        connection = resolve_connection(
            ProductVariantCountableConnection,
            variants.select_related(*VARIANT_PRODUCT_RELATIONS),
            args,
            sort_fields=fields,
            descending=_direction(sort_by),
            connection_name="productVariants",
        )
        nodes = [edge.node for edge in connection.edges]
        with_channel(nodes, channel)
        register(info.context, "variant", (node.pk for node in nodes))
        prepare_products(info, [node.product for node in nodes], channel)
        return connection

    @staticmethod
    def resolve_categories(root: object, info: graphene.ResolveInfo, **args: Any) -> Any:
        categories = category_queryset().filter(
            _name_filter(args.get("filter"), "Category"), _ids_where(args.get("where"), "Category")
        )
        if args.get("level") is not None:
            categories = categories.filter(level=args["level"])
        sort_by = args.get("sort_by")
        field = getattr(sort_by["field"], "value", "name") if sort_by else "name"
        if field == "product_count":
            categories = categories.annotate(sort_count=Count("products"))
            fields = ["sort_count", "slug"]
        elif field == "subcategory_count":
            categories = categories.annotate(sort_count=Count("children"))
            fields = ["sort_count", "slug"]
        else:
            fields = ["name", "slug"]
        connection = resolve_connection(
            CategoryCountableConnection,
            categories,
            args,
            sort_fields=fields,
            descending=_direction(sort_by),
            connection_name="categories",
        )
        register_categories(info.context, (edge.node for edge in connection.edges))
        return connection

    @staticmethod
    def resolve_category(
        root: object,
        info: graphene.ResolveInfo,
        id: str | None = None,
        slug: str | None = None,
        slug_language_code: Any = None,
    ) -> Any:
        _one_of(id, slug)
        categories = category_queryset()
        if id:
            return categories.filter(pk=_pk(id, "Category")).first()
        if slug_language_code:
            return categories.filter(
                translations__language_code=language_code_value(slug_language_code),
                translations__slug=slug,
            ).first()
        return categories.filter(slug=slug).first()

    @staticmethod
    def resolve_collections(root: object, info: graphene.ResolveInfo, **args: Any) -> Any:
        channel = request_channel(info, args.get("channel"))
        collections = collection_queryset_for_user(user=info.context.user, channel=channel)
        collections = collections.filter(
            _name_filter(args.get("filter"), "Collection"),
            _ids_where(args.get("where"), "Collection"),
        )
        sort_by = args.get("sort_by")
        field = getattr(sort_by["field"], "value", "name") if sort_by else "name"
        if field == "product_count":
            collections = collections.annotate(sort_count=Count("collection_products"))
            fields = ["sort_count", "slug"]
        else:
            fields = ["name", "slug"]
        connection = resolve_connection(
            CollectionCountableConnection,
            collections,
            args,
            sort_fields=fields,
            descending=_direction(sort_by),
            connection_name="collections",
        )
        nodes = [edge.node for edge in connection.edges]
        with_channel(nodes, channel)
        register(info.context, "collection", (node.pk for node in nodes))
        return connection

    @staticmethod
    def resolve_collection(
        root: object,
        info: graphene.ResolveInfo,
        id: str | None = None,
        slug: str | None = None,
        slug_language_code: Any = None,
        channel: str | None = None,
    ) -> Any:
        _one_of(id, slug)
        channel_obj = request_channel(info, channel)
        collections = collection_queryset_for_user(user=info.context.user, channel=channel_obj)
        if id:
            collection = collections.filter(pk=_pk(id, "Collection")).first()
        elif slug_language_code:
            collection = collections.filter(
                translations__language_code=language_code_value(slug_language_code),
                translations__slug=slug,
            ).first()
        else:
            collection = collections.filter(slug=slug).first()
        if collection is not None:
            with_channel([collection], channel_obj)
        return collection


class CatalogMutations(graphene.ObjectType):
    product_create = ProductCreate.Field(description="Creates a new product.")
    product_update = ProductUpdate.Field(description="Updates an existing product.")
    product_delete = ProductDelete.Field(description="Deletes a product.")
    product_variant_create = ProductVariantCreate.Field(description="Creates a product variant.")
    product_variant_update = ProductVariantUpdate.Field(description="Updates a product variant.")
    product_variant_delete = ProductVariantDelete.Field(description="Deletes a product variant.")
    product_media_create = ProductMediaCreate.Field(description="Adds an image to a product.")
    product_channel_listing_update = ProductChannelListingUpdate.Field(
        description="Manages a product's availability in channels."
    )
    product_variant_channel_listing_update = ProductVariantChannelListingUpdate.Field(
        description="Manages a variant's prices in channels."
    )
    product_variant_stocks_update = ProductVariantStocksUpdate.Field(
        description="Updates the stocks of a variant."
    )
