from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from backend.checkout import services as checkout_services
from backend.checkout.complete import checkout_complete
from backend.discounts.models import Voucher
from backend.orders.models import Order
from backend.payments.reconciliation import bank_transfer_mark_received
from backend.payments.vietqr import parse_vietqr_payload
from tests.backend.checkout.factories import (
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
    ready_checkout,
)
from tests.backend.payments.fixtures import VIETQR_SETTINGS
from tests.storefront_theme.purchase_factories import ADDRESS, add, make_shop, place, ready

pytestmark = pytest.mark.django_db


@pytest.fixture
def vietqr(settings):
    for key, value in VIETQR_SETTINGS.items():
        setattr(settings, key, value)


def _payload(page: str) -> str:
    start = page.index("data-vietqr-payload>") + len("data-vietqr-payload>")
    return page[start : page.index("</code>", start)]


def test_a_vietqr_order_shows_the_qr_the_transfer_and_waits(vietqr):
    # given
    shop, client = make_shop(), Client()
    token = ready(client, shop)

    # when
    response = place(client, shop, token, payment="vietqr")

    # then
    order = Order.objects.get()
    page = client.get(response.url).content.decode()
    payload = parse_vietqr_payload(_payload(page))
    assert payload.amount == order.total_amount == 265_000
    assert payload.purpose == f"OCOP {order.number}"
    assert 'src="data:image/png;base64,' in page
    assert "Vietcombank" in page and "CONG TY OCOP MARKET" in page and "0123456789" in page
    assert "265.000 ₫" in page and "Đang chờ chuyển khoản" in page
    assert order.transactions.count() == 1
    status = client.get(f"/don-hang/{order.token}/trang-thai/").json()
    assert status == {"status": "unfulfilled", "chargeStatus": "none", "paid": False}


def test_the_waiting_status_flips_when_the_transfer_is_recorded(vietqr, staff_user):
    # given
    shop, client = make_shop(), Client()
    response = place(client, shop, ready(client, shop), payment="vietqr")
    order = Order.objects.get()

    # when
    bank_transfer_mark_received(
        actor=staff_user, order=order, amount=order.total_amount, bank_reference="FT123"
    )

    # then
    assert client.get(f"/don-hang/{order.token}/trang-thai/").json()["paid"] is True
    page = client.get(response.url).content.decode()
    assert "Đang chờ chuyển khoản" not in page and "Đã nhận chuyển khoản" in page


def test_a_double_submitted_vietqr_checkout_opens_one_transaction(vietqr):
    # given
    shop, client = make_shop(), Client()
    token = ready(client, shop)

    # when
    place(client, shop, token, payment="vietqr")
    place(client, shop, token, payment="vietqr")

    # then
    assert Order.objects.count() == 1
    assert Order.objects.get().transactions.count() == 1


def test_the_order_page_runs_a_constant_number_of_queries(
    django_assert_num_queries, django_assert_max_num_queries
):
    # given
    shop, client = make_shop(), Client()
    add(client, shop.nem)
    client.post("/thanh-toan/", {**ADDRESS, "action": "address"})
    small = client.post(
        "/thanh-toan/",
        {
            "action": "place",
            "checkout_token": client.session["checkout_token"],
            "payment": "cod",
            f"delivery_{shop.nem.product.producer_id}": shop.method_a.pk,
        },
    )
    assert Order.objects.get().fulfillment_groups.count() == 1
    with django_assert_max_num_queries(15) as one_group:
        client.get(small.url)
    expected = len(one_group)  # read now: the next request clears the query log

    # when
    big = place(client, shop, ready(client, shop))

    # then
    with django_assert_num_queries(expected):
        client.get(big.url)


def test_a_signed_in_shoppers_order_is_hidden_from_others(user):
    # given
    shop, owner = make_shop(), Client()
    owner.force_login(user)
    response = place(owner, shop, ready(owner, shop))

    # when
    stranger = Client().get(response.url)

    # then
    assert owner.get(response.url).status_code == 200
    assert stranger.status_code == 404
    assert Client().get("/don-hang/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_a_card_order_mounts_stripe_elements_when_stripe_is_configured(stripe_settings):
    # given
    shop, client = make_shop(), Client()
    token = ready(client, shop)
    offered = client.get("/thanh-toan/").content.decode()

    # when
    response = place(client, shop, token, payment="stripe")

    # then
    assert 'value="stripe"' in offered
    order = Order.objects.get()
    assert order.payment_method == "stripe"
    page = client.get(response.url)
    assert 'data-client-secret="pi_' in page.content.decode()
    assert "https://js.stripe.com" in page.headers["Content-Security-Policy"]


def test_the_order_page_lists_lines_before_the_voucher_then_the_discount():
    # given a guest's order of 3 x 70,001 with a 10,000 voucher
    channel = make_channel()
    producer = make_producer()
    variant = make_variant(channel, producer=producer, price=70_001)
    make_shipping(producer, price=20_000)
    checkout = ready_checkout(AnonymousUser(), channel, [variant], quantity=3)
    Voucher.objects.create(code="TET", value=10_000)
    checkout_services.checkout_promo_code_add(checkout=checkout, code="TET")
    order = checkout_complete(actor=AnonymousUser(), token=checkout.pk)

    # when
    page = Client().get(f"/don-hang/{order.token}/").content.decode()

    # then the line adds up to the subtotal; the discounted 200,003 is not shown as the line
    assert "— 210.003 ₫</li>" in page
    assert "200.003 ₫" not in page
    assert "-10.000 ₫" in page
    assert "220.003 ₫" in page
