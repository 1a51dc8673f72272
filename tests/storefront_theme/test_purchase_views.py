from __future__ import annotations

import pytest
from django.test import Client

from backend.checkout.models import Checkout, CheckoutLine
from backend.orders.models import FulfillmentGroup, Order
from tests.backend.checkout.factories import make_channel, make_variant
from tests.storefront_theme.purchase_factories import (
    ADDRESS,
    BA_DINH,
    THANH_HOA,
    add,
    make_shop,
    place,
    ready,
)

pytestmark = pytest.mark.django_db


def test_adding_two_items_fills_the_cart_and_the_header_count(django_assert_max_num_queries):
    # given
    shop, client = make_shop(), Client()

    # when
    add(client, shop.nem, 2)
    add(client, shop.mam, 1)

    # then
    assert client.session["cart_count"] == 3
    assert CheckoutLine.objects.count() == 2
    with django_assert_max_num_queries(15):
        page = client.get("/gio-hang/").content.decode()
    assert "170.000 ₫" in page and "HTX Mắm tôm" in page


def test_cart_page_queries_do_not_grow_with_lines(
    django_assert_num_queries, django_assert_max_num_queries
):
    # given
    shop, client = make_shop(), Client()
    add(client, shop.nem)
    with django_assert_max_num_queries(100) as one_line:
        client.get("/gio-hang/")
    expected = len(one_line)  # read now: the next request clears the query log

    # when
    add(client, shop.mam)

    # then
    with django_assert_num_queries(expected):
        client.get("/gio-hang/")


@pytest.mark.parametrize(
    ("quantity", "message"),
    [
        ("", "Hãy nhập số lượng."),
        ("abc", "Số lượng phải là số nguyên từ 1 đến 999."),
        ("0", "Số lượng phải là số nguyên từ 1 đến 999."),
        ("-3", "Số lượng phải là số nguyên từ 1 đến 999."),
        ("100000000000", "Số lượng phải là số nguyên từ 1 đến 999."),
    ],
)
def test_empty_or_absurd_quantities_are_refused_and_nothing_is_written(quantity, message):
    # given
    shop, client = make_shop(), Client()

    # when
    response = add(client, shop.nem, quantity)

    # then
    page = client.get(response.url).content.decode()
    assert message in page
    assert Checkout.objects.count() == 0


def test_more_than_in_stock_is_refused_with_the_stock_left():
    # given
    shop, client = make_shop(), Client()
    add(client, shop.nem, 1)

    # when
    add(client, shop.nem, 10)

    # then
    assert "Chỉ còn 10 sản phẩm trong kho." in client.get("/gio-hang/").content.decode()
    assert CheckoutLine.objects.get().quantity == 1
    assert client.session["cart_count"] == 1


def test_a_sold_out_product_says_so():
    # given
    channel, client = make_channel(), Client()
    sold_out = make_variant(channel, stock=0)

    # when
    add(client, sold_out)

    # then
    assert "Sản phẩm này đã hết hàng." in client.get("/gio-hang/").content.decode()
    assert Checkout.objects.count() == 0


def test_an_unpublished_product_cannot_be_added():
    # given
    channel, client = make_channel(), Client()
    hidden = make_variant(channel, is_published=False)

    # when
    add(client, hidden)

    # then
    assert "Sản phẩm này hiện không bán trong kênh." in client.get("/gio-hang/").content.decode()
    assert Checkout.objects.count() == 0


def test_a_tampered_variant_id_of_another_channel_or_nowhere_is_refused():
    # given
    shop, client = make_shop(), Client()
    other = make_variant(make_channel("other", is_active=False))

    # when
    add(client, other)
    add(client, type("V", (), {"pk": 987654})())

    # then
    page = client.get("/gio-hang/").content.decode()
    assert "Sản phẩm này hiện không bán trong kênh." in page
    assert "Không tìm thấy sản phẩm." in page
    assert Checkout.objects.count() == 0
    assert shop.nem.pk  # the shop's own products are untouched


def test_updating_and_removing_lines():
    # given
    shop, client = make_shop(), Client()
    add(client, shop.nem)
    add(client, shop.mam)
    line = CheckoutLine.objects.get(variant=shop.nem)

    # when
    client.post("/gio-hang/cap-nhat/", {"line": line.pk, "quantity": "3"})
    client.post("/gio-hang/cap-nhat/", {"line": line.pk, "quantity": "xx"})
    client.post(
        "/gio-hang/cap-nhat/",
        {"line": CheckoutLine.objects.get(variant=shop.mam).pk, "remove": "1"},
    )

    # then
    assert list(CheckoutLine.objects.values_list("variant_id", "quantity")) == [(shop.nem.pk, 3)]
    assert client.session["cart_count"] == 3


def test_the_province_round_trip_lists_only_its_communes():
    # given
    shop, client = make_shop(), Client()
    add(client, shop.nem)

    # when
    response = client.post("/thanh-toan/", {**ADDRESS, "city": "", "action": "province"})

    # then
    page = response.content.decode()
    assert "Phường Hàm Rồng" in page and "Phường Ba Đình" not in page


def test_the_communes_endpoint_answers_json():
    # when
    data = Client().get(f"/api/communes/{THANH_HOA}/").json()
    missing = Client().get("/api/communes/99/")

    # then
    assert data["province"]["name"] == "Tỉnh Thanh Hóa"
    assert {"code": "14758", "name": "Phường Hàm Rồng"} in data["communes"]
    assert missing.status_code == 404


def test_a_commune_outside_the_chosen_province_is_refused_on_the_page():
    # given
    shop, client = make_shop(), Client()
    add(client, shop.nem)

    # when
    response = client.post("/thanh-toan/", {**ADDRESS, "city": BA_DINH, "action": "address"})

    # then
    assert response.status_code == 400
    assert "Xã/phường “Phường Ba Đình” không thuộc Tỉnh Thanh Hóa." in response.content.decode()
    assert Checkout.objects.get().shipping_address is None


def test_a_guest_places_a_cod_order_with_two_shipments():
    # given
    shop, client = make_shop(), Client()
    token = ready(client, shop)

    # when
    response = place(client, shop, token)

    # then
    order = Order.objects.get()
    assert response.url == f"/don-hang/{order.token}/"
    assert order.payment_method == "cod"
    assert order.total_amount == 85_000 * 2 + 40_000 + 30_000 + 25_000
    assert FulfillmentGroup.objects.filter(order=order).count() == 2
    assert client.session["cart_count"] == 0 and "checkout_token" not in client.session
    page = client.get(response.url).content.decode()
    assert "265.000 ₫" in page and "HTX Nem chua" in page and "HTX Mắm tôm" in page
    assert "Phường Hàm Rồng" in page


def test_a_double_submitted_checkout_makes_one_order():
    # given
    shop, client = make_shop(), Client()
    token = ready(client, shop)

    # when
    first = place(client, shop, token)
    second = place(client, shop, token)

    # then
    assert Order.objects.count() == 1
    assert first.url == second.url == f"/don-hang/{Order.objects.get().token}/"


def test_a_delivery_method_of_another_producer_is_refused_and_nothing_is_ordered():
    # given
    shop, client = make_shop(), Client()
    token = ready(client, shop)

    # when
    response = place(
        client,
        shop,
        token,
        **{f"delivery_{shop.nem.product.producer_id}": shop.method_b.pk},
    )

    # then
    assert response.status_code == 400
    assert "Không tìm thấy phương thức giao hàng." in response.content.decode()
    assert Order.objects.count() == 0
    deliveries = Checkout.objects.get().deliveries.values_list("producer_id", "delivery_method_id")
    assert dict(deliveries) == {
        shop.nem.product.producer_id: shop.method_a.pk,
        shop.mam.product.producer_id: shop.method_b.pk,
    }


def test_a_tampered_checkout_token_is_refused():
    # given
    shop, client = make_shop(), Client()
    ready(client, shop)
    other = Checkout.objects.create(channel=shop.channel)

    # when
    response = place(client, shop, str(other.token))

    # then
    assert response.status_code == 400
    assert "Giỏ hàng đã thay đổi" in response.content.decode()
    assert Order.objects.count() == 0


@pytest.mark.parametrize("payment", ["stripe", "bitcoin", ""])
def test_a_payment_not_offered_is_refused(payment):
    # given
    shop, client = make_shop(), Client()
    token = ready(client, shop)

    # when
    response = place(client, shop, token, payment=payment)

    # then
    assert response.status_code == 400
    assert "Hãy chọn một cách thanh toán trong danh sách." in response.content.decode()
    assert Order.objects.count() == 0


def test_card_payment_is_offered_only_when_stripe_is_configured():
    # given
    shop, client = make_shop(), Client()
    ready(client, shop)

    # when
    page = client.get("/thanh-toan/").content.decode()

    # then
    assert 'value="cod"' in page and 'value="stripe"' not in page
    assert "265.000 ₫" in page  # the cheapest deliveries are preselected and counted


def test_the_checkout_page_without_a_cart_sends_back_to_the_cart():
    # when
    response = Client().get("/thanh-toan/")

    # then
    assert response.url == "/gio-hang/"


def test_a_delivery_choice_for_a_producer_not_in_the_cart_is_refused():
    # given
    shop, client = make_shop(), Client()
    add(client, shop.nem)
    client.post("/thanh-toan/", {**ADDRESS, "action": "address"})
    token = str(client.session["checkout_token"])

    # when
    response = place(client, shop, token)  # also posts a choice for the other producer

    # then
    assert response.status_code == 400
    assert "Giỏ hàng không có sản phẩm của nhà sản xuất này." in response.content.decode()
    assert Order.objects.count() == 0


def test_placing_an_order_without_an_address_says_so():
    # given
    shop, client = make_shop(), Client()
    add(client, shop.nem)

    # when
    response = client.post(
        "/thanh-toan/",
        {"action": "place", "checkout_token": client.session["checkout_token"], "payment": "cod"},
    )

    # then
    assert response.status_code == 400
    assert "Hãy nhập" in response.content.decode()
    assert Order.objects.count() == 0
