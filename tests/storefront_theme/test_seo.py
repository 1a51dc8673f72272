import datetime as dt

import pytest

from backend.catalog.models import ProductVariant
from qr import services
from tests.backend.catalog.factories import make_producer, make_product

pytestmark = pytest.mark.django_db


def test_sitemap_lists_what_shoppers_can_see(client, channel):
    # given
    shown = make_product("Đang bán", channel=channel)
    hidden = make_product("Chưa đăng", channel=channel, is_published=False)

    # when
    response = client.get("/sitemap.xml")

    # then
    body = response.content.decode()
    assert response["Content-Type"] == "application/xml"
    assert f"<loc>http://testserver/san-pham/{shown.slug}/</loc>" in body
    assert f"/san-pham/{hidden.slug}/" not in body
    assert f"<loc>http://testserver/nha-san-xuat/{shown.producer.slug}/</loc>" in body
    assert f"<loc>http://testserver/danh-muc/{shown.category.slug}/</loc>" in body


def test_robots_points_to_the_sitemap_and_hides_private_pages(client, db):
    # when
    body = client.get("/robots.txt").content.decode()

    # then
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /gio-hang/" in body and "Disallow: /tai-khoan/" in body


def test_product_page_links_its_batches_traceability(client, channel, staff_user):
    # given
    product = make_product("Nem chua", channel=channel, producer=make_producer())
    variant = ProductVariant.objects.create(product=product, sku="NEM-T", gtin="08931234567897")
    services.batch_create(
        actor=staff_user,
        producer=product.producer,
        variant=variant,
        lot_code="L1",
        production_date=dt.date(2026, 11, 2),
        quantity=10,
    )

    # when
    body = client.get(f"/san-pham/{product.slug}/").content.decode()

    # then
    assert 'href="/trace/01/08931234567897/10/L1"' in body
    assert "Lô L1, sản xuất ngày 02/11/2026" in body


def test_a_product_without_batches_has_no_trace_section(client, channel):
    # given
    product = make_product("Trà", channel=channel)

    # when
    body = client.get(f"/san-pham/{product.slug}/").content.decode()

    # then
    assert "Truy xuất nguồn gốc" not in body
