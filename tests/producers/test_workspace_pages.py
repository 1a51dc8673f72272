"""Selling pages of the workspace: authorization matrix (GET and POST) and what each action
changes through the catalogue, orders and payments services."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from backend.catalog.models import ProductChannelListing, ProductMedia, ProductVariantChannelListing
from backend.orders.models import FulfillmentGroup, FulfillmentStatus
from producers.models import ProducerStatus
from tests.backend.catalog.factories import make_product, png_bytes
from tests.backend.graphql.catalog.mutations.helpers import set_status, world
from tests.backend.graphql.orders.test_producer_scoping import guest_order
from tests.backend.payments import factories as payment_factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

EXPECTED = {
    "anonymous": 302,
    "shopper": 404,
    "official": 404,
    "member_a": 200,
    "member_b": 404,
    "staff": 200,
}
PAGES = [
    "producers:workspace-dashboard",
    "producers:workspace-products",
    "producers:workspace-product",
    "producers:workspace-orders",
    "producers:workspace-money",
]


def url(name: str, w: Any) -> str:
    producer = w.product_a.producer
    if name == "producers:workspace-product":
        return reverse(name, kwargs={"slug": producer.slug, "pk": w.product_a.pk})
    return reverse(name, kwargs={"slug": producer.slug})


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("actor", list(EXPECTED))
def test_selling_pages_matrix(
    actors: Any, producer_a: Any, producer_b: Any, name: str, actor: str
) -> None:
    # given
    w = world(producer_a, producer_b)

    # when
    response = client_for(actors[actor]).get(url(name, w))

    # then
    assert response.status_code == EXPECTED[actor]
    if response.status_code == 200:
        body = response.content.decode()
        assert producer_a.name in body and producer_b.name not in body


@pytest.mark.parametrize("actor", list(EXPECTED))
def test_product_post_matrix_changes_only_for_allowed_actors(
    actors: Any, producer_a: Any, producer_b: Any, actor: str
) -> None:
    # given
    w = world(producer_a, producer_b)

    # when
    response = client_for(actors[actor]).post(
        url("producers:workspace-product", w), {"action": "details", "name": "Nem chua mới"}
    )

    # then
    w.product_a.refresh_from_db()
    if EXPECTED[actor] == 200:
        assert response.status_code == 302
        assert w.product_a.name == "Nem chua mới"
    else:
        assert response.status_code == EXPECTED[actor]
        assert w.product_a.name == "Nem chua"


def test_another_producers_product_is_404_on_the_own_workspace(
    member_a: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    w = world(producer_a, producer_b)
    other = reverse(
        "producers:workspace-product", kwargs={"slug": producer_a.slug, "pk": w.product_b.pk}
    )

    # when
    response = client_for(member_a).post(other, {"action": "details", "name": "Chiếm"})

    # then
    assert response.status_code == 404
    w.product_b.refresh_from_db()
    assert w.product_b.name == "Mắm tép"


def test_price_stock_image_and_publish_from_the_product_page(
    member_a: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    w = world(producer_a, producer_b)
    page = url("producers:workspace-product", w)
    client = client_for(member_a)
    variant = str(w.variant_a.pk)

    # when
    client.post(page, {"action": "price", "variant": variant, "price": "65000"})
    client.post(page, {"action": "price", "variant": variant, "price": "0"})
    client.post(
        page,
        {"action": "stock", "variant": variant, "warehouse": w.warehouse_a.pk, "quantity": "3"},
    )
    bad_stock = client.post(
        page,
        {"action": "stock", "variant": variant, "warehouse": w.warehouse_b.pk, "quantity": "9"},
        follow=True,
    )
    image = SimpleUploadedFile("nem.png", png_bytes(), content_type="image/png")
    client.post(page, {"action": "image", "image": image, "alt": "Nem"})
    client.post(page, {"action": "unpublish"})

    # then
    price = ProductVariantChannelListing.objects.get(variant=w.variant_a, channel=w.channel)
    assert price.price_amount == 65000
    assert w.variant_a.stocks.get(warehouse=w.warehouse_a).quantity == 3
    assert "Không tìm thấy kho hàng." in bad_stock.content.decode()
    assert not w.variant_a.stocks.filter(warehouse=w.warehouse_b).exists()
    assert ProductMedia.objects.filter(product=w.product_a).count() == 1
    assert not ProductChannelListing.objects.get(product=w.product_a).is_published
    assert "65.000" in client.get(page).content.decode()


def test_publishing_before_approval_is_refused_on_the_page(
    member_a: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    w = world(producer_a, producer_b)
    ProductChannelListing.objects.filter(product=w.product_a).update(is_published=False)
    set_status(producer_a, ProducerStatus.PENDING)

    # when
    response = client_for(member_a).post(
        url("producers:workspace-product", w), {"action": "publish"}, follow=True
    )

    # then
    assert "Chỉ chủ thể đã được duyệt" in response.content.decode()
    assert not ProductChannelListing.objects.get(product=w.product_a).is_published


def test_member_creates_a_product_from_the_list_page(
    member_a: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    w = world(producer_a, producer_b)
    from tests.backend.catalog.factories import product_type

    # when
    response = client_for(member_a).post(
        url("producers:workspace-products", w),
        {"name": "Bánh gai Tứ Trụ", "product_type": product_type().pk},
    )

    # then
    created = producer_a.products.get(name="Bánh gai Tứ Trụ")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/products/{created.pk}/")


def test_ship_with_tracking_and_collect_cash_on_the_orders_page(
    member_a: Any, member_b: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    order = guest_order(producer_a, producer_b)
    group_a = order.fulfillment_groups.get(producer=producer_a)
    group_b = order.fulfillment_groups.get(producer=producer_b)
    page = reverse("producers:workspace-orders", kwargs={"slug": producer_a.slug})
    listing = client_for(member_a).get(page).content.decode()

    # when
    foreign = client_for(member_a).post(page, {"action": "ship", "group": group_b.pk})
    client_for(member_a).post(
        page,
        {"action": "ship", "group": group_a.pk, "tracking_number": "VN9", "carrier": "GHTK"},
    )
    client_for(member_a).post(page, {"action": "cash", "group": group_a.pk})

    # then
    assert foreign.status_code == 404
    assert listing.count('name="group" value=') == 1
    assert f'name="group" value="{group_a.pk}"' in listing
    group_a.refresh_from_db()
    assert group_a.status == FulfillmentStatus.FULFILLED
    assert (group_a.tracking_number, group_a.carrier) == ("VN9", "GHTK")
    assert group_a.cod_collected
    assert FulfillmentGroup.objects.get(pk=group_b.pk).status == FulfillmentStatus.UNFULFILLED


def test_dashboard_lists_groups_to_fulfil_and_low_stock(
    member_a: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    w = world(producer_a, producer_b)
    w.variant_a.stocks.update(quantity=2)
    order = payment_factories.order(groups=[(producer_a, 150_000, 30_000)])

    # when
    body = client_for(member_a).get(url("producers:workspace-dashboard", w)).content.decode()

    # then
    assert f"#{order.number}" in body
    assert f"{w.warehouse_a.name}</span><strong>2</strong>" in body


@pytest.mark.parametrize("name", ["producers:workspace-products", "producers:workspace-orders"])
def test_list_pages_use_a_constant_number_of_queries(
    member_a: Any, producer_a: Any, producer_b: Any, name: str, django_assert_max_num_queries: Any
) -> None:
    # given
    w = world(producer_a, producer_b)
    client = client_for(member_a)
    page = url(name, w)
    client.get(page)
    for _index in range(4):
        make_product("Thêm", channel=w.channel, producer=producer_a, with_image=False)
        payment_factories.order(groups=[(producer_a, 100_000, 20_000)])

    # when / then
    with django_assert_max_num_queries(14):
        response = client.get(page)
    assert response.status_code == 200


@pytest.mark.parametrize("name", ["producers:workspace-dashboard", "producers:workspace-orders"])
def test_groups_show_goods_after_the_producers_voucher_share(
    member_a: Any, producer_a: Any, producer_b: Any, name: str
) -> None:
    # given: 150.000 ₫ of goods, 20.000 ₫ of which the voucher takes from this producer
    order = payment_factories.order(groups=[(producer_a, 150_000, 30_000)], discount=20_000)
    order.fulfillment_groups.update(discount_amount=20_000)

    # when
    body = client_for(member_a).get(reverse(name, kwargs={"slug": producer_a.slug}))

    # then
    text = body.content.decode()
    assert "130.000 ₫" in text
    assert "đã trừ 20.000 ₫ mã giảm giá" in text
    assert "150.000 ₫" not in text


def test_the_navigation_names_sections_in_english(member_a: Any, producer_a: Any) -> None:
    # when
    page = reverse("producers:workspace-dashboard", kwargs={"slug": producer_a.slug})
    body = client_for(member_a).get(page, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    # then: section names, not the same words' meanings elsewhere ("Hồ sơ" is also an
    # official's application queue)
    assert ">Products</a>" in body
    assert ">Profile</a>" in body
    assert ">Applications</a>" not in body
