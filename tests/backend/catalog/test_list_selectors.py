"""``product_list_for_user``: the plain-value product list the storefront pages read."""

import pytest
from django.contrib.auth.models import AnonymousUser

from backend.catalog.selectors import ProductListFilter, product_list_for_user
from backend.ocop.models import ApplicationStatus
from tests.backend.catalog.factories import make_channel, make_producer, make_product
from tests.backend.ocop.factories import World
from tests.storefront_theme.factories import sell

pytestmark = pytest.mark.django_db


def _names(**kwargs):
    channel = make_channel()
    products = product_list_for_user(user=AnonymousUser(), channel=channel, **kwargs)
    return [product.name for product in products]


def test_sorts_by_price_both_ways_and_by_newest():
    # given
    channel = make_channel()
    make_product("B", channel=channel, prices=(30_000,))
    make_product("A", channel=channel, prices=(90_000,))
    make_product("C", channel=channel, prices=(10_000,))

    # then
    assert _names(filters=ProductListFilter(), sort="price") == ["C", "B", "A"]
    assert _names(filters=ProductListFilter(), sort="-price") == ["A", "B", "C"]
    assert _names(filters=ProductListFilter(), sort="newest") == ["C", "A", "B"]
    assert _names(filters=ProductListFilter()) == ["A", "B", "C"]


def test_stars_sort_and_filter_count_only_certificates_in_force(django_capture_on_commit_callbacks):
    # given
    channel = make_channel()
    world = World()
    sell(world.product, channel)
    with django_capture_on_commit_callbacks(execute=True):
        world.application(ApplicationStatus.CERTIFIED, total="75")
    make_product("Anh đào", channel=channel)

    # then
    assert _names(filters=ProductListFilter(), sort="stars") == ["Nem chua Thanh Hóa", "Anh đào"]
    assert _names(filters=ProductListFilter(ocop_stars=(4,))) == ["Nem chua Thanh Hóa"]
    assert _names(filters=ProductListFilter(ocop_stars=(5,))) == []


def test_filters_combine_with_search_without_diacritics():
    # given
    channel = make_channel()
    hanoi = make_producer(province_code="01")
    make_product("Trà xanh Thái Nguyên", channel=channel, producer=hanoi, prices=(70_000,))
    make_product("Trà sen Tây Hồ", channel=channel, producer=hanoi, prices=(400_000,))
    make_product("Trà Thanh Hóa", channel=channel, prices=(70_000,))

    # when
    names = _names(
        filters=ProductListFilter(search="tra", province_codes=("01",), price_lte=100_000)
    )

    # then
    assert names == ["Trà xanh Thái Nguyên"]
