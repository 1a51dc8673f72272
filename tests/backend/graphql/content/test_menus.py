"""Menus: shoppers see a linked collection only when it is published in the menu's
channel and a linked page only when it is published; staff see every link (Saleor)."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from backend.catalog.models import Category, Collection, CollectionChannelListing
from backend.channels.models import Channel
from backend.content.models import Menu, MenuItem, Page
from tests.backend.catalog.factories import make_channel
from tests.conftest import content

MENU = """
query($channel: String) { menu(slug: "navbar", channel: $channel) { items {
  name collection { slug channel } page { slug } category { slug }
  children { name level parent { name } menu { slug } collection { slug } page { slug } }
} } }
"""


def collection(slug, **listings):
    """A collection with a listing per channel slug: True (published), False (not) or a
    publication time."""
    made = Collection.objects.create(name=slug, slug=slug)
    for channel_slug, published in listings.items():
        CollectionChannelListing.objects.create(
            collection=made,
            channel=make_channel(channel_slug),
            is_published=published is not False,
            published_at=None if isinstance(published, bool) else published,
        )
    return made


def page(slug, *, is_published=True, published_at=None):
    return Page.objects.create(
        title=slug, slug=slug, is_published=is_published, published_at=published_at
    )


@pytest.fixture
def navbar(db):
    """One item per kind of link, each with a child linking the same thing; "vn" is the
    only active channel, "b2b" is inactive."""
    make_channel()
    make_channel("b2b", is_active=False)
    tomorrow = timezone.now() + timedelta(days=1)
    links = {
        "published": {"collection": collection("noi-bat", vn=True)},
        "draft": {"collection": collection("nhap", vn=False)},
        "elsewhere": {"collection": collection("si", b2b=True)},
        "scheduled": {"collection": collection("sap-ra-mat", vn=tomorrow)},
        "about": {"page": page("gioi-thieu")},
        "hidden-page": {"page": page("an", is_published=False)},
        "future-page": {"page": page("sap-dang", published_at=tomorrow)},
        "category": {"category": Category.objects.get(slug="thuc-pham")},
    }
    menu = Menu.objects.create(name="navbar", slug="navbar")
    for order, (name, link) in enumerate(links.items()):
        item = MenuItem.objects.create(menu=menu, name=name, sort_order=order, **link)
        MenuItem.objects.create(menu=menu, parent=item, name=f"{name}-child", **link)
    return menu


def links_of(data):
    return {
        item["name"]: (
            (item["collection"] or {}).get("slug"),
            (item["page"] or {}).get("slug"),
            (item["children"][0]["collection"] or {}).get("slug"),
            (item["children"][0]["page"] or {}).get("slug"),
        )
        for item in data["menu"]["items"]
    }


@pytest.mark.parametrize("reader", ["api_client", "user_api_client"])
@pytest.mark.parametrize("channel", ["vn", None])
def test_shoppers_see_only_published_collections_and_pages(request, navbar, reader, channel):
    # given
    client = request.getfixturevalue(reader)

    # when
    data = content(client.post_graphql(MENU, {"channel": channel}))["data"]

    # then: every item stays, hidden links are null
    assert links_of(data) == {
        "published": ("noi-bat", None, "noi-bat", None),
        "draft": (None, None, None, None),
        "elsewhere": (None, None, None, None),
        "scheduled": (None, None, None, None),
        "about": (None, "gioi-thieu", None, "gioi-thieu"),
        "hidden-page": (None, None, None, None),
        "future-page": (None, None, None, None),
        "category": (None, None, None, None),
    }
    first = data["menu"]["items"][0]
    assert first["collection"]["channel"] == "vn"
    assert data["menu"]["items"][-1]["category"] == {"slug": "thuc-pham"}
    assert first["children"][0] == {
        "name": "published-child",
        "level": 1,
        "parent": {"name": "published"},
        "menu": {"slug": "navbar"},
        "collection": {"slug": "noi-bat"},
        "page": None,
    }


def activate_b2b():
    Channel.objects.filter(slug="b2b").update(is_active=True)


def test_shoppers_see_collections_published_in_the_channel_asked_for(api_client, navbar):
    # given
    activate_b2b()

    # when
    data = content(api_client.post_graphql(MENU, {"channel": "b2b"}))["data"]

    # then
    links = links_of(data)
    assert links["elsewhere"] == ("si", None, "si", None)
    assert links["published"] == (None, None, None, None)


def test_an_inactive_channel_shows_shoppers_no_collections(api_client, navbar):
    # when
    data = content(api_client.post_graphql(MENU, {"channel": "b2b"}))["data"]

    # then
    assert links_of(data)["elsewhere"] == (None, None, None, None)


def test_without_a_default_channel_shoppers_see_no_collections(api_client, navbar):
    # given: two active channels, so none is the default
    activate_b2b()

    # when
    data = content(api_client.post_graphql(MENU))["data"]

    # then
    assert links_of(data)["published"] == (None, None, None, None)
    assert links_of(data)["about"] == (None, "gioi-thieu", None, "gioi-thieu")


@pytest.mark.parametrize("channel", ["vn", None])
def test_staff_see_every_link(staff_api_client, navbar, channel):
    # when
    data = content(staff_api_client.post_graphql(MENU, {"channel": channel}))["data"]

    # then
    assert links_of(data) == {
        "published": ("noi-bat", None, "noi-bat", None),
        "draft": ("nhap", None, "nhap", None),
        "elsewhere": ("si", None, "si", None),
        "scheduled": ("sap-ra-mat", None, "sap-ra-mat", None),
        "about": (None, "gioi-thieu", None, "gioi-thieu"),
        "hidden-page": (None, "an", None, "an"),
        "future-page": (None, "sap-dang", None, "sap-dang"),
        "category": (None, None, None, None),
    }


def test_an_unknown_channel_is_an_error(api_client, navbar):
    # when
    body = json.loads(api_client.post_graphql(MENU, {"channel": "khong-co"}).content)

    # then
    assert body["data"] == {"menu": None}
    assert body["errors"][0]["extensions"]["exception"]["code"] == "NOT_FOUND"


def test_the_anonymous_response_cache_does_not_show_staff_links(
    api_client, staff_api_client, navbar, response_cache
):
    # given: an anonymous read is cached, then staff read the same query
    anonymous = api_client.post_graphql(MENU, {"channel": "vn"})
    staff = staff_api_client.post_graphql(MENU, {"channel": "vn"})

    # when
    again = api_client.post_graphql(MENU, {"channel": "vn"})

    # then
    assert links_of(content(staff)["data"])["draft"] == ("nhap", None, "nhap", None)
    assert again.content == anonymous.content
    assert links_of(content(again)["data"])["draft"] == (None, None, None, None)
