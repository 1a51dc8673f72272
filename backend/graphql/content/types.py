"""Page, Menu and MenuItem types (Saleor's, without page types or attributes)."""

from __future__ import annotations

from typing import Any

import graphene

from backend.content import models
from backend.graphql.catalog.dataloaders import CollectionByIdLoader
from backend.graphql.catalog.types.categories import Category, Collection
from backend.graphql.catalog.types.common import channel_of, with_channel
from backend.graphql.content.dataloaders import (
    MENU_ITEM_RELATIONS,
    ChildrenByMenuItemIdLoader,
    PageByIdLoader,
    register_menu_items,
)
from backend.graphql.core.connection import CountableConnection
from backend.graphql.core.metadata import ObjectWithPublicMetadata


class Page(ObjectWithPublicMetadata):
    """A static page that can be manually added by a shop operator through the dashboard."""

    seo_title = graphene.String(description="SEO title of the page.")
    seo_description = graphene.String(description="SEO description of the page.")
    title = graphene.String(required=True, description="Title of the page.")
    content = graphene.JSONString(description="Content of the page (EditorJS JSON).")
    content_json = graphene.JSONString(
        required=True,
        description="Content of the page (EditorJS JSON).",
        deprecation_reason="Use the `content` field instead.",
    )
    publication_date = graphene.Date(
        description="The page publication date.",
        deprecation_reason="Use the `publishedAt` field to fetch the publication date.",
    )
    published_at = graphene.DateTime(description="The page publication date.")
    is_published = graphene.Boolean(required=True, description="Whether the page is published.")
    slug = graphene.String(required=True, description="Slug of the page.")
    created = graphene.DateTime(required=True, description="Date and time of creation.")

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "A static page of content."

    @staticmethod
    def resolve_seo_title(root: models.Page, info: graphene.ResolveInfo) -> str | None:
        return root.seo_title or None

    @staticmethod
    def resolve_seo_description(root: models.Page, info: graphene.ResolveInfo) -> str | None:
        return root.seo_description or None

    @staticmethod
    def resolve_created(root: models.Page, info: graphene.ResolveInfo) -> Any:
        return root.created_at

    @staticmethod
    def resolve_content_json(root: models.Page, info: graphene.ResolveInfo) -> Any:
        return root.content if root.content is not None else {}

    @staticmethod
    def resolve_publication_date(root: models.Page, info: graphene.ResolveInfo) -> Any:
        # The date part as stored (UTC), like Saleor's Date of a datetime.
        return root.published_at

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.Page)


class PageCountableConnection(CountableConnection):
    class Meta:
        node = Page
        description = "A paginated list of pages."


class MenuItem(ObjectWithPublicMetadata):
    """Represents a single item of the related menu. Can store categories, collection or pages."""

    name = graphene.String(required=True, description="Name of the menu item.")
    menu = graphene.Field(lambda: Menu, required=True, description="The menu it belongs to.")
    parent = graphene.Field(lambda: MenuItem, description="The parent menu item.")
    category = graphene.Field(Category, description="Category the item links to.")
    collection = graphene.Field(
        Collection,
        description="Collection the item links to; null for shoppers unless it is published "
        "in the menu's channel.",
    )
    page = graphene.Field(
        Page, description="Page the item links to; null for shoppers unless it is published."
    )
    level = graphene.Int(required=True, description="Nesting depth (0 for top items).")
    children = graphene.List(graphene.NonNull(lambda: MenuItem), description="Child items.")
    url = graphene.String(description="URL to the menu item.")

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "Represents a single item of a menu."

    @staticmethod
    def resolve_children(root: models.MenuItem, info: graphene.ResolveInfo) -> Any:
        children = ChildrenByMenuItemIdLoader.for_request(info.context).load(root.pk)
        for child in children:
            # Known already: no query per child for its parent, menu or level.
            child.parent = root
            child.menu = root.menu
        return with_channel(list(children), channel_of(root))

    @staticmethod
    def resolve_collection(root: models.MenuItem, info: graphene.ResolveInfo) -> Any:
        if root.collection_id is None:
            return None
        channel = channel_of(root)
        loader = CollectionByIdLoader.for_request(info.context, channel)
        collection = loader.load(root.collection_id)
        return None if collection is None else with_channel([collection], channel)[0]

    @staticmethod
    def resolve_page(root: models.MenuItem, info: graphene.ResolveInfo) -> Any:
        if root.page_id is None:
            return None
        return PageByIdLoader.for_request(info.context).load(root.page_id)

    @staticmethod
    def resolve_url(root: models.MenuItem, info: graphene.ResolveInfo) -> str | None:
        return root.url or None

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.MenuItem)


class Menu(ObjectWithPublicMetadata):
    """Represents a navigation menu to be displayed in the storefront."""

    name = graphene.String(required=True, description="Name of the menu.")
    slug = graphene.String(required=True, description="Slug of the menu.")
    items = graphene.List(graphene.NonNull(MenuItem), description="Top-level items of the menu.")

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "Represents a navigation menu."

    @staticmethod
    def resolve_items(root: models.Menu, info: graphene.ResolveInfo) -> Any:
        items = list(root.items.filter(parent=None).select_related(*MENU_ITEM_RELATIONS))
        for item in items:
            item.menu = root
        register_menu_items(info.context, items)
        return with_channel(items, channel_of(root))

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.Menu)
