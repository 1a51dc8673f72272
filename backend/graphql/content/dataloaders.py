"""Batch loaders of menus and pages: one query per kind of data for a whole menu.

Pools: "menu_item" (menu item pks shown), "page" (page pks menu items link to); menu
items also pool their collections and categories in the catalogue's pools.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from backend.content.models import MenuItem, Page
from backend.content.selectors import page_queryset_for_user
from backend.graphql.catalog.types.common import register_categories
from backend.graphql.core.dataloaders import DataLoader, register

# What a menu item shows of its category (its parent too), read with the item: also
# what register_menu_items reads.
MENU_ITEM_RELATIONS = ("category__parent",)


def register_menu_items(context: object, items: Iterable[MenuItem]) -> None:
    """Pool the items and what they link to, so the loaders fetch them together."""
    items = list(items)
    register(context, "menu_item", (item.pk for item in items))
    register(context, "collection", (item.collection_id for item in items if item.collection_id))
    register(context, "page", (item.page_id for item in items if item.page_id))
    register_categories(context, (item.category for item in items if item.category is not None))


class ChildrenByMenuItemIdLoader(DataLoader[int, list[MenuItem]]):
    """The child items of each menu item, in menu order."""

    pool = "menu_item"

    def missing(self) -> list[MenuItem]:
        return []

    def batch_load(self, keys: list[int]) -> dict[int, list[MenuItem]]:
        found: dict[int, list[MenuItem]] = defaultdict(list)
        children = MenuItem.objects.filter(parent_id__in=keys).select_related(*MENU_ITEM_RELATIONS)
        for child in children.order_by("sort_order", "pk"):
            found[child.parent_id].append(child)  # type: ignore[index]
        register_menu_items(self.context, (c for items in found.values() for c in items))
        return found


class PageByIdLoader(DataLoader[int, Page]):
    """The page when the request's user may see it (staff: any; others: published)."""

    pool = "page"

    def batch_load(self, keys: list[int]) -> dict[int, Page]:
        pages = page_queryset_for_user(user=self.context.user).filter(pk__in=keys)
        return {page.pk: page for page in pages}
