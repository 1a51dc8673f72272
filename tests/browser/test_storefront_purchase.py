"""A shopper's purchase journey in real Chromium: cart, checkout with the pickers, order page,
VietQR, and the account. The product page lives on the catalogue branch, so the "add to
cart" form is posted from a page of this branch exactly as the product page posts it."""

from __future__ import annotations

import base64
import importlib
import io
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.db import transaction
from PIL import Image

from backend.accounts.email_tokens import GENERATORS
from backend.accounts.models import User
from backend.catalog.models import Category
from backend.orders.models import Order
from backend.payments.reconciliation import bank_transfer_mark_received
from backend.payments.vietqr import parse_vietqr_payload
from qr.rendering import qr_png
from tests.backend.payments.fixtures import VIETQR_SETTINGS
from tests.storefront_theme.purchase_factories import Shop, make_shop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Rat-kho-doan-2026"


@pytest.fixture(autouse=True)
def ocop_categories() -> None:
    """The OCOP category tree the data migration seeds. Serialized rollback does not reach
    these tests after another transactional test flushed the tables: Playwright's sync API
    runs the test in another context, whose database connection object never received the
    serialized contents. So the migration's own seeding runs again (it is idempotent)."""
    if not Category.objects.filter(ocop_product_set__isnull=False).exists():
        migration = importlib.import_module("backend.catalog.migrations.0003_ocop_categories")
        migration.seed(django_apps, None)


def _add_to_cart(page: Any, base: str, variant: Any, quantity: int) -> None:
    """Submit the product page's form (variant, quantity, CSRF token) from our own origin."""
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.evaluate(
        """([variant, quantity]) => {
            const form = document.createElement("form");
            form.method = "post";
            form.action = "/gio-hang/them/";
            const fields = {
                variant, quantity,
                csrfmiddlewaretoken: document.querySelector("[name=csrfmiddlewaretoken]").value,
            };
            for (const [name, value] of Object.entries(fields)) {
                const input = document.createElement("input");
                input.name = name; input.value = String(value); form.appendChild(input);
            }
            document.body.appendChild(form);
            form.submit();
        }""",
        [variant.pk, quantity],
    )
    page.wait_for_url(f"{base}/gio-hang/")


def _checkout(page: Any, base: str, shop: Shop, payment: str, screenshot: Any, name: str) -> None:
    _add_to_cart(page, base, shop.nem, 2)
    _add_to_cart(page, base, shop.mam, 1)
    assert page.locator(".sf-line").count() == 2
    screenshot(f"{name}-cart")
    page.get_by_role("link", name="Thanh toán").click()
    page.get_by_label("Email").fill("khach@example.com")
    page.get_by_label("Họ", exact=True).fill("Nguyễn")
    page.get_by_label("Tên", exact=True).fill("Lan")
    page.get_by_label("Số điện thoại").fill("0912345678")
    page.get_by_label("Số nhà, đường").fill("12 Lê Lợi")
    page.get_by_label("Tỉnh/Thành phố").select_option(label="Tỉnh Thanh Hóa")
    # The commune list is filled by the page's script from /api/communes/38/.
    page.wait_for_selector("#id_city option[value='14758']", state="attached")
    page.get_by_label("Xã/Phường").select_option(label="Phường Hàm Rồng")
    page.get_by_role("button", name="Lưu địa chỉ").click()
    page.wait_for_selector("fieldset.sf-group input[type=radio]:checked", state="attached")
    page.locator(f"#pay-{payment}").check()
    screenshot(f"{name}-checkout")
    page.get_by_role("button", name="Đặt hàng").click()
    page.wait_for_url(f"{base}/don-hang/**")


def test_guest_checks_out_two_producers_with_cod(live_server, page, screenshot):
    # given
    shop = make_shop()

    # when
    _checkout(page, live_server.url, shop, "cod", screenshot, "cod")

    # then
    order = Order.objects.get()
    assert order.payment_method == "cod" and order.shipping_address.province_code == "38"
    assert page.locator(".sf-shipment").count() == 2
    assert "265.000 ₫" in page.content()
    assert screenshot("cod-order").stat().st_size > 0


def test_a_province_picked_before_the_page_script_ran_still_lists_its_communes(live_server, page):
    # given: the page's deferred script is held back, as on a slow connection
    shop = make_shop()
    _add_to_cart(page, live_server.url, shop.nem, 1)
    held: list[Any] = []
    page.route("**/storefront/purchase*.js", lambda route: held.append(route))
    page.get_by_role("link", name="Thanh toán").click()
    page.wait_for_selector("#id_country_area")

    # when: the shopper picks a province before the script listens for it
    page.get_by_label("Tỉnh/Thành phố").select_option(label="Tỉnh Thanh Hóa")
    page.wait_for_timeout(100)
    assert held, "the script request was not held"
    assert page.locator("#id_city option").count() == 1
    held[0].continue_()

    # then: once the script runs, the province's communes are there
    page.wait_for_selector("#id_city option[value='14758']", state="attached")
    page.get_by_label("Xã/Phường").select_option(label="Phường Hàm Rồng")


def test_guest_pays_by_vietqr_and_the_qr_carries_the_order(live_server, page, screenshot, settings):
    # given
    for key, value in VIETQR_SETTINGS.items():
        setattr(settings, key, value)
    shop = make_shop()

    # when
    _checkout(page, live_server.url, shop, "vietqr", screenshot, "vietqr")

    # then
    order = Order.objects.get()
    text = page.locator("[data-vietqr-payload]").text_content() or ""
    payload = parse_vietqr_payload(text)
    assert payload.amount == order.total_amount == 265_000
    assert payload.purpose == f"OCOP {order.number}"
    source = page.locator("img[data-vietqr]").get_attribute("src") or ""
    shown = Image.open(io.BytesIO(base64.b64decode(source.split(",", 1)[1]))).convert("L")
    expected = Image.open(io.BytesIO(qr_png(text, box_size=6))).convert("L")
    assert shown.size == expected.size and shown.tobytes() == expected.tobytes()
    assert page.get_by_text("Đang chờ chuyển khoản").is_visible()
    assert screenshot("vietqr-order").stat().st_size > 0

    # when the transfer is recorded, the page's poll reloads it
    staff = User.objects.create_user("staff@ocop.example", PASSWORD, is_staff=True)
    with transaction.atomic():
        bank_transfer_mark_received(
            actor=staff, order=order, amount=order.total_amount, bank_reference="FT26001"
        )

    # then
    page.get_by_text("Đã nhận chuyển khoản").wait_for(timeout=20_000)
    assert not page.get_by_text("Đang chờ chuyển khoản").count()
    assert screenshot("vietqr-paid").stat().st_size > 0


def test_register_sign_in_and_see_the_order(live_server, page, screenshot):
    # given
    shop, base = make_shop(), live_server.url

    # when: register, then open the emailed confirmation link
    page.goto(f"{base}/tai-khoan/dang-ky/")
    page.get_by_label("Email").fill("mai@example.com")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_label("Tên", exact=True).fill("Mai")
    page.get_by_role("button", name="Tạo tài khoản").click()
    page.wait_for_url(f"{base}/tai-khoan/dang-nhap/")
    user = User.objects.get(email="mai@example.com")
    token = GENERATORS["confirm_account"].make_token(user)
    page.goto(f"{base}/tai-khoan/xac-nhan/?email=mai@example.com&token={token}")
    page.get_by_label("Email").fill("mai@example.com")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base}/tai-khoan/")
    _checkout(page, base, shop, "cod", screenshot, "account")
    page.goto(f"{base}/tai-khoan/don-hang/")

    # then
    order = Order.objects.get()
    assert order.user_id == user.pk
    assert page.get_by_role("link", name=f"#{order.number}").is_visible()
    assert screenshot("account-orders").stat().st_size > 0
