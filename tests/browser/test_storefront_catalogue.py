"""A shopper on a phone: home, search without diacritics, the stars filter, a product page."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command

from backend.catalog.models import Category

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")


# The reference rows data migrations seed; (module, function) of each RunPython.
SEEDS = (
    ("backend.accounts.migrations.0002_role_groups", "create_roles"),
    ("backend.catalog.migrations.0003_ocop_categories", "seed"),
    ("backend.ocop.migrations.0002_criteria_qd148_2023", "install"),
    ("backend.payments.migrations.0002_decree_117_withholding_rates", "add_rates"),
)


@pytest.fixture
def seeded(live_server):
    """Serialized rollback does not restore the seeded rows for tests that use Playwright's
    ``page`` (its greenlet sees another connection object), so after an earlier
    transactional test flushed them, run the same seeding functions again."""
    if Category.objects.exists():
        return
    for module, function in SEEDS:
        getattr(importlib.import_module(module), function)(django_apps, None)


def test_a_phone_shopper_searches_filters_and_opens_a_product(
    live_server, seeded, page, screenshot
):
    # given
    call_command("demo", verbosity=0)
    page.set_viewport_size(PHONE)

    # when: the home page
    page.goto(f"{live_server.url}/")

    # then
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator(".cards .card").count() > 0
    assert _fits_the_screen(page)
    screenshot("storefront-home-phone")

    # when: a search without diacritics
    page.get_by_label("Tìm sản phẩm").fill("nem chua")
    page.get_by_role("button", name="Tìm", exact=True).click()
    page.wait_for_url("**/tim-kiem/?q=nem+chua")

    # then
    names = page.locator(".card-name").all_inner_texts()
    assert "Nem chua Thanh Hóa" in names
    assert _fits_the_screen(page)
    screenshot("storefront-search-phone")

    # when: four stars only
    page.get_by_text("Bộ lọc và sắp xếp").click()
    page.get_by_label("Hạng sao OCOP").select_option("4")
    page.get_by_role("button", name="Áp dụng").click()
    page.wait_for_url("**stars=4**")

    # then
    starred = page.locator(".card-name").all_inner_texts()
    assert "Nem chua Thanh Hóa" in starred
    assert all(
        text.strip() == "OCOP ★★★★" for text in page.locator(".card .stars").all_inner_texts()
    )

    # when: the product page
    page.get_by_role("link", name="Nem chua Thanh Hóa").first.click()
    page.wait_for_url("**/san-pham/**")

    # then
    assert page.get_by_role("heading", level=1).inner_text() == "Nem chua Thanh Hóa"
    assert page.locator(".ocop-badge").is_visible()
    assert page.get_by_role("button", name="Thêm vào giỏ hàng").is_visible()
    assert "₫" in page.locator(".add-to-cart").inner_text()
    page.locator(".gallery img").first.wait_for()
    assert page.evaluate("document.querySelector('.gallery img').naturalWidth") > 0
    assert _fits_the_screen(page)
    screenshot("storefront-product-phone")
