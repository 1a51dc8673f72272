"""A menu costs a constant number of queries, whether it has 5 or 50 items."""

import pytest

from backend.catalog.models import (
    Category,
    Collection,
    CollectionChannelListing,
    CollectionTranslation,
)
from backend.content.models import Menu, MenuItem, Page
from tests.backend.catalog.factories import make_channel
from tests.conftest import counted_post

ITEM = 'name level url menu { slug } parent { name } metafield(key: "k") page { slug title }'
ITEM += " category { slug parent { slug } translation(languageCode: EN) { name } }"
ITEM += " collection { slug channel translation(languageCode: EN) { name } }"
MENU = (
    'query { menu(slug: "footer", channel: "vn") { items { '
    + ITEM
    + " children { "
    + ITEM
    + " children { "
    + ITEM
    + " children { name } } } } } }"
)


@pytest.fixture
def footer(db):
    """``build(n)``: n top items, each with a child and a grandchild; the three levels
    link a collection (published or not), a page (published or not) and a category."""
    channel = make_channel()
    category = Category.objects.get(ocop_product_set=8)
    menu = Menu.objects.create(name="footer", slug="footer")

    def build(count):
        for index in range(count):
            shown = index % 2 == 0
            collection = Collection.objects.create(name=f"C{index}", slug=f"c-{index}")
            CollectionTranslation.objects.create(
                collection=collection, language_code="en", name=f"EN C{index}"
            )
            CollectionChannelListing.objects.create(
                collection=collection, channel=channel, is_published=shown
            )
            page = Page.objects.create(title=f"P{index}", slug=f"p-{index}", is_published=shown)
            top = MenuItem.objects.create(menu=menu, name=f"top-{index}", collection=collection)
            child = MenuItem.objects.create(menu=menu, parent=top, name=f"c-{index}", page=page)
            MenuItem.objects.create(menu=menu, parent=child, name=f"g-{index}", category=category)

    return build


@pytest.mark.parametrize(
    ("reader", "sees_drafts", "expected_queries"),
    [
        # channel, menu, its top items, one query per level of children (three), the
        # collections, the pages, and the collections' and categories' translations
        ("api_client", False, 10),
        # the same, plus the staff user behind the token
        ("staff_api_client", True, 11),
    ],
)
@pytest.mark.parametrize("count", [5, 50])
def test_a_menu_costs_the_same_queries_for_any_size(
    request, footer, reader, sees_drafts, expected_queries, count
):
    # given
    footer(count)

    # when
    queries, data = counted_post(request.getfixturevalue(reader), MENU)

    # then
    items = data["menu"]["items"]
    assert len(items) == count
    assert items[0]["collection"] == {
        "slug": "c-0",
        "channel": "vn",
        "translation": {"name": "EN C0"},
    }
    assert (items[1]["collection"] is not None) is sees_drafts
    child = items[0]["children"][0]
    assert child["page"] == {"slug": "p-0", "title": "P0"}
    assert (items[1]["children"][0]["page"] is not None) is sees_drafts
    grandchild = child["children"][0]
    assert grandchild["level"] == 2
    assert grandchild["parent"] == {"name": "c-0"}
    assert grandchild["menu"] == {"slug": "footer"}
    category = Category.objects.select_related("parent").get(ocop_product_set=8)
    assert grandchild["category"] == {
        "slug": category.slug,
        "parent": {"slug": category.parent.slug},
        "translation": {"name": category.translations.get(language_code="en").name},
    }
    assert queries == expected_queries
