"""Category and Collection types."""

from __future__ import annotations

from typing import Any

import graphene

from backend.catalog import models
from backend.catalog.selectors import category_ancestors, category_ids_with_descendants
from backend.graphql.catalog import dataloaders as loaders
from backend.graphql.catalog.enums import ThumbnailFormatEnum
from backend.graphql.catalog.filters import ProductFilterInput, ProductWhereInput
from backend.graphql.catalog.resolvers import resolve_products
from backend.graphql.catalog.sorters import ProductOrder
from backend.graphql.catalog.types.channel_listings import (
    CollectionChannelListing,
    channel_listings_field,
    require_staff,
)
from backend.graphql.catalog.types.common import channel_of, owner_image_url, register_categories
from backend.graphql.catalog.types.products import ProductCountableConnection
from backend.graphql.catalog.types.variants import LANGUAGE_NAMES, Image
from backend.graphql.channels.types import request_channel
from backend.graphql.core.connection import CountableConnection, resolve_connection
from backend.graphql.core.enums import LanguageCodeEnum, language_code_value
from backend.graphql.core.metadata import ObjectWithPublicMetadata
from backend.graphql.shop.schema import LanguageDisplay


class _Translation(graphene.ObjectType):
    language = graphene.Field(LanguageDisplay, required=True, description="Translation language.")
    seo_title = graphene.String(description="Translated SEO title.")
    seo_description = graphene.String(description="Translated SEO description.")
    slug = graphene.String(description="Translated slug.")
    name = graphene.String(description="Translated name.")
    description = graphene.JSONString(description="Translated description (EditorJS JSON).")

    class Meta:
        abstract = True

    @staticmethod
    def resolve_language(root: Any, info: graphene.ResolveInfo) -> LanguageDisplay:
        code = root.language_code
        return LanguageDisplay(code=code.upper(), language=LANGUAGE_NAMES.get(code, code))

    @staticmethod
    def resolve_slug(root: Any, info: graphene.ResolveInfo) -> str | None:
        return root.slug or None


class CategoryTranslation(_Translation):
    class Meta:
        description = "Represents category translations."


class CollectionTranslation(_Translation):
    class Meta:
        description = "Represents collection translations."


def products_field(description: str) -> graphene.Field:
    """A ``products(...)`` field with Saleor's arguments."""
    return graphene.Field(
        ProductCountableConnection,
        filter=graphene.Argument(ProductFilterInput, description="Filtering options."),
        where=graphene.Argument(ProductWhereInput, description="Where filtering options."),
        sort_by=graphene.Argument(ProductOrder, description="Sort products."),
        search=graphene.String(description="Search products."),
        channel=graphene.String(description="Slug of a channel."),
        before=graphene.String(description="Return the elements before this cursor."),
        after=graphene.String(description="Return the elements after this cursor."),
        first=graphene.Int(description="Return the first n elements (1-100)."),
        last=graphene.Int(description="Return the last n elements (1-100)."),
        description=description,
    )


def _image_field(description: str) -> graphene.Field:
    return graphene.Field(
        Image,
        size=graphene.Int(description="Size of the image (snapped to 32..4096); 0 original."),
        format=graphene.Argument(ThumbnailFormatEnum, description="The format of the image."),
        description=description,
    )


def _background(type_name: str, root: Any, info: graphene.ResolveInfo, size: Any, fmt: Any) -> Any:
    if not root.background_image:
        return None
    url = owner_image_url(info, type_name, root, size, fmt)
    return Image(url=url, alt=root.background_image_alt or root.name)


class Category(ObjectWithPublicMetadata):
    """Represents a category; the OCOP taxonomy: sectors (level 0) and product sets."""

    seo_title = graphene.String(description="SEO title of the category.")
    seo_description = graphene.String(description="SEO description of the category.")
    name = graphene.String(required=True, description="Name of the category.")
    description = graphene.JSONString(description="Description of the category (EditorJS).")
    description_json = graphene.JSONString(
        description="Description of the category (EditorJS).",
        deprecation_reason="Use the `description` field instead.",
    )
    slug = graphene.String(required=True, description="Slug of the category.")
    parent = graphene.Field(lambda: Category, description="Parent category.")
    level = graphene.Int(required=True, description="Level of the category (0: OCOP sector).")
    ocop_sector = graphene.String(description="OCOP sector code, I to VI (OCOP).")
    ocop_product_set = graphene.Int(description="OCOP product-set number, 1 to 26 (OCOP).")
    updated_at = graphene.DateTime(required=True, description="The date and time of update.")
    ancestors = graphene.ConnectionField(
        lambda: CategoryCountableConnection,
        description="List of ancestors of the category, the root first.",
    )
    children = graphene.ConnectionField(
        lambda: CategoryCountableConnection, description="List of children of the category."
    )
    products = products_field("List of products in the category (and its children).")
    background_image = _image_field("Background image of the category.")
    translation = graphene.Field(
        CategoryTranslation,
        language_code=graphene.Argument(LanguageCodeEnum, required=True, description="Language."),
        description="Returns translated category fields for the given language code.",
    )

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "Represents a single category of products."

    @staticmethod
    def resolve_description_json(root: models.Category, info: graphene.ResolveInfo) -> Any:
        return root.description if root.description is not None else {}

    @staticmethod
    def resolve_seo_title(root: models.Category, info: graphene.ResolveInfo) -> str | None:
        return root.seo_title or None

    @staticmethod
    def resolve_seo_description(root: models.Category, info: graphene.ResolveInfo) -> str | None:
        return root.seo_description or None

    @staticmethod
    def resolve_ocop_sector(root: models.Category, info: graphene.ResolveInfo) -> str | None:
        return root.ocop_sector or None

    @staticmethod
    def resolve_ancestors(root: models.Category, info: graphene.ResolveInfo, **args: Any) -> Any:
        connection = resolve_connection(
            CategoryCountableConnection,
            category_ancestors(root).select_related("parent"),
            args,
            sort_fields=["level"],
            connection_name="ancestors",
        )
        register_categories(info.context, (edge.node for edge in connection.edges))
        return connection

    @staticmethod
    def resolve_children(root: models.Category, info: graphene.ResolveInfo, **args: Any) -> Any:
        connection = resolve_connection(
            CategoryCountableConnection,
            root.children.all(),
            args,
            sort_fields=["slug"],
            connection_name="children",
        )
        for edge in connection.edges:
            edge.node.parent = root  # their parent is known: no query per child for it
        register_categories(info.context, (edge.node for edge in connection.edges))
        return connection

    @staticmethod
    def resolve_products(root: models.Category, info: graphene.ResolveInfo, **args: Any) -> Any:
        channel = request_channel(info, args.get("channel"))
        # The category and everything below it, as Saleor's get_descendants(include_self).
        scope = models.Product.objects.filter(
            category_id__in=category_ids_with_descendants([root.pk])
        )
        return resolve_products(info, channel=channel, args=args, scope=scope)

    @staticmethod
    def resolve_background_image(
        root: models.Category, info: graphene.ResolveInfo, size: Any = None, format: Any = None
    ) -> Any:
        return _background("Category", root, info, size, format)

    @staticmethod
    def resolve_translation(
        root: models.Category, info: graphene.ResolveInfo, language_code: Any
    ) -> Any:
        code = language_code_value(language_code)
        return loaders.CategoryTranslationLoader.for_request(info.context, code).load(root.pk)

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.Category)


class CategoryCountableConnection(CountableConnection):
    class Meta:
        node = Category
        description = "A paginated list of categories."


class Collection(ObjectWithPublicMetadata):
    """Represents a collection of products."""

    seo_title = graphene.String(description="SEO title of the collection.")
    seo_description = graphene.String(description="SEO description of the collection.")
    name = graphene.String(required=True, description="Name of the collection.")
    description = graphene.JSONString(description="Description of the collection (EditorJS).")
    description_json = graphene.JSONString(
        description="Description of the collection (EditorJS).",
        deprecation_reason="Use the `description` field instead.",
    )
    slug = graphene.String(required=True, description="Slug of the collection.")
    channel = graphene.String(description="Channel given to retrieve this collection.")
    products = products_field("List of products in this collection.")
    background_image = _image_field("Background image of the collection.")
    translation = graphene.Field(
        CollectionTranslation,
        language_code=graphene.Argument(LanguageCodeEnum, required=True, description="Language."),
        description="Returns translated collection fields for the given language code.",
    )
    channel_listings = channel_listings_field(CollectionChannelListing, "publications")

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "Represents a collection of products."

    @staticmethod
    def resolve_description_json(root: models.Collection, info: graphene.ResolveInfo) -> Any:
        return root.description if root.description is not None else {}

    @staticmethod
    def resolve_seo_title(root: models.Collection, info: graphene.ResolveInfo) -> str | None:
        return root.seo_title or None

    @staticmethod
    def resolve_seo_description(root: models.Collection, info: graphene.ResolveInfo) -> str | None:
        return root.seo_description or None

    @staticmethod
    def resolve_channel(root: models.Collection, info: graphene.ResolveInfo) -> str | None:
        channel = channel_of(root)
        return None if channel is None else channel.slug

    @staticmethod
    def resolve_products(root: models.Collection, info: graphene.ResolveInfo, **args: Any) -> Any:
        slug = args.get("channel")
        # The collection's own channel unless the field names another (Saleor).
        channel = channel_of(root) if slug is None else None
        if channel is None:
            channel = request_channel(info, slug)
        scope = models.Product.objects.filter(collection_products__collection=root)
        return resolve_products(info, channel=channel, args=args, scope=scope)

    @staticmethod
    def resolve_background_image(
        root: models.Collection, info: graphene.ResolveInfo, size: Any = None, format: Any = None
    ) -> Any:
        return _background("Collection", root, info, size, format)

    @staticmethod
    def resolve_translation(
        root: models.Collection, info: graphene.ResolveInfo, language_code: Any
    ) -> Any:
        code = language_code_value(language_code)
        return loaders.CollectionTranslationLoader.for_request(info.context, code).load(root.pk)

    @staticmethod
    def resolve_channel_listings(root: models.Collection, info: graphene.ResolveInfo) -> Any:
        require_staff(info)
        loader = loaders.CollectionListingsByCollectionIdLoader.for_request(info.context)
        return loader.load(root.pk)

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.Collection)


class CollectionCountableConnection(CountableConnection):
    class Meta:
        node = Collection
        description = "A paginated list of collections."
