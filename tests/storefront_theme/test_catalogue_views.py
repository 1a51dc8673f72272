import json
import re

import pytest

from backend.catalog.models import Category, Collection, CollectionChannelListing, CollectionProduct
from backend.ocop import certificate_services
from producers.models import ProducerStatus
from tests.backend.catalog.factories import make_producer, make_product

pytestmark = pytest.mark.django_db


def _names(body: str) -> list[str]:
    return re.findall(r'<span class="card-name">([^<]+)</span>', body)


def test_home_shows_featured_products_sectors_and_provinces(client, channel):
    # given
    honey = make_product(
        "Mật ong hoa nhãn", channel=channel, producer=make_producer(province_code="01")
    )
    make_product("Trà shan tuyết", channel=channel)
    featured = Collection.objects.create(name="Nổi bật", slug="noi-bat")
    CollectionChannelListing.objects.create(collection=featured, channel=channel, is_published=True)
    CollectionProduct.objects.create(collection=featured, product=honey)

    # when
    response = client.get("/")

    # then
    body = response.content.decode()
    assert response.status_code == 200
    assert _names(body) == ["Mật ong hoa nhãn"]
    for sector in Category.objects.filter(level=0):
        assert f'href="/danh-muc/{sector.slug}/"' in body
    assert 'href="/tinh/01/"' in body and 'href="/tinh/38/"' in body
    assert '<html lang="vi">' in body


def test_search_without_diacritics_finds_the_product(client, channel):
    # given
    make_product("Nem chua Thanh Hóa", channel=channel)
    make_product("Mật ong hoa nhãn", channel=channel)

    # when
    body = client.get("/tim-kiem/", {"q": "nem chua"}).content.decode()

    # then
    assert _names(body) == ["Nem chua Thanh Hóa"]


def test_filters_by_province_and_price_and_sorts_by_price(client, channel):
    # given
    hanoi = make_producer(province_code="01")
    make_product("Trà A", channel=channel, producer=hanoi, prices=(120_000,))
    make_product("Trà B", channel=channel, producer=hanoi, prices=(60_000,))
    make_product("Trà C", channel=channel, producer=hanoi, prices=(300_000,))
    make_product("Trà Thanh Hóa", channel=channel, prices=(90_000,))

    # when
    body = client.get(
        "/tim-kiem/",
        {"province": "01", "price_min": "50000", "price_max": "200000", "sort": "-price"},
    ).content.decode()

    # then
    assert _names(body) == ["Trà A", "Trà B"]
    assert "120.000 ₫" in body


def test_an_inverted_price_range_is_explained_and_ignored(client, channel):
    # given
    make_product("Trà A", channel=channel, prices=(120_000,))

    # when
    body = client.get("/tim-kiem/", {"price_min": "200000", "price_max": "100"}).content.decode()

    # then
    assert "Giá đến phải lớn hơn hoặc bằng giá từ." in body
    assert _names(body) == ["Trà A"]


def test_absurd_parameters_never_break_the_page(client, channel):
    # given
    make_product("Trà A", channel=channel)

    # when
    response = client.get(
        "/tim-kiem/", {"stars": "9", "sort": "drop table", "page": "-4", "price_min": "abc"}
    )

    # then
    assert response.status_code == 200
    assert _names(response.content.decode()) == ["Trà A"]


def test_stars_filter_lists_only_products_with_a_certificate_in_force(client, certified, channel):
    # given
    make_product("Nem chua rán", channel=channel)

    # when
    four = client.get("/tim-kiem/", {"q": "nem", "stars": "4"}).content.decode()
    three = client.get("/tim-kiem/", {"q": "nem", "stars": "3"}).content.decode()

    # then
    assert _names(four) == ["Nem chua Thanh Hóa"]
    assert _names(three) == []


def test_pages_keep_the_filters_in_their_links(client, channel):
    # given
    for number in range(30):
        make_product(f"Sản phẩm {number:02d}", channel=channel)

    # when
    first = client.get("/tim-kiem/", {"sort": "name"}).content.decode()
    second = client.get("/tim-kiem/", {"sort": "name", "page": "2"}).content.decode()

    # then
    assert len(_names(first)) == 24
    assert _names(second) == [f"Sản phẩm {n}" for n in range(24, 30)]
    assert 'href="?sort=name&amp;page=2"' in first


def test_a_sector_page_lists_its_product_sets_products(client, channel):
    # given
    product = make_product("Nem chua", channel=channel, product_set=8)
    sector = product.category.parent
    make_product("Rượu", channel=channel, product_set=20)

    # when
    response = client.get(f"/danh-muc/{sector.slug}/")

    # then
    assert response.status_code == 200
    assert _names(response.content.decode()) == ["Nem chua"]


def test_unknown_category_and_province_are_friendly_404s(client, db):
    # when
    category = client.get("/danh-muc/khong-co/")
    province = client.get("/tinh/999/")

    # then
    assert category.status_code == 404 and province.status_code == 404
    assert "Không tìm thấy trang" in category.content.decode()


def test_a_province_page_lists_only_its_producers_products(client, channel):
    # given
    make_product("Trà Hà Nội", channel=channel, producer=make_producer(province_code="01"))
    make_product("Nem Thanh Hóa", channel=channel)

    # when
    body = client.get("/tinh/01/").content.decode()

    # then
    assert _names(body) == ["Trà Hà Nội"]


def test_hidden_and_unapproved_products_are_not_listed(client, channel):
    # given
    make_product("Chưa đăng", channel=channel, is_published=False)
    make_product(
        "Bị đình chỉ", channel=channel, producer=make_producer(status=ProducerStatus.SUSPENDED)
    )
    make_product("Đang bán", channel=channel)

    # when
    body = client.get("/tim-kiem/").content.decode()

    # then
    assert _names(body) == ["Đang bán"]


def test_product_page_shows_variants_stock_seller_and_structured_data(client, channel):
    # given
    producer = make_producer("HTX Nem Đông Sơn")
    producer.legal_name = "Hợp tác xã Nem chua Đông Sơn"
    producer.tax_code = "2801234567"
    producer.street_address = "Thôn 3"
    producer.save()
    product = make_product("Nem chua", channel=channel, producer=producer, prices=(85_000, 160_000))
    sold_out = product.variants.order_by("pk").last()
    sold_out.stocks.update(quantity=0)

    # when
    response = client.get(f"/san-pham/{product.slug}/")

    # then
    body = response.content.decode()
    assert response.status_code == 200
    assert "85.000 ₫" in body and "160.000 ₫" in body
    assert 'action="/gio-hang/them/"' in body and 'name="csrfmiddlewaretoken"' in body
    assert f'name="variant" value="{sold_out.pk}" disabled' in body
    assert "Hết hàng" in body and "Còn hàng" in body
    assert "Hợp tác xã Nem chua Đông Sơn" in body and "2801234567" in body and "Thôn 3" in body
    assert f'<link rel="canonical" href="http://testserver/san-pham/{product.slug}/">' in body
    assert "/WEBP/" in body
    assert "OCOP ★" not in body
    jsonld = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', body).group(1)
    )
    assert jsonld["@type"] == "Product" and jsonld["name"] == "Nem chua"
    assert {offer["price"] for offer in jsonld["offers"]} == {85_000, 160_000}
    assert {offer["availability"] for offer in jsonld["offers"]} == {
        "https://schema.org/InStock",
        "https://schema.org/OutOfStock",
    }


def test_a_script_in_the_description_never_reaches_the_page(client, channel):
    # given
    product = make_product("Trà", channel=channel)
    product.description = {
        "blocks": [
            {"type": "paragraph", "data": {"text": "<b>Ngon</b><script>alert('x')</script>"}},
            {
                "type": "header",
                "data": {"text": "<img src=x onerror=alert(1)>Đặc điểm", "level": 2},
            },
            {
                "type": "list",
                "data": {"style": "unordered", "items": ["<a href='javascript:alert(1)'>a</a>"]},
            },
            {"type": "raw", "data": {"html": "<script>alert(2)</script>"}},
        ]
    }
    product.save()

    # when
    body = client.get(f"/san-pham/{product.slug}/").content.decode()

    # then
    assert "<b>Ngon</b>" in body and "<h2>Đặc điểm</h2>" in body
    assert "alert" not in body and "onerror" not in body and "javascript:" not in body


def test_the_ocop_badge_comes_only_from_a_certificate_in_force(client, certified):
    # given
    world, certificate = certified

    # when
    active = client.get("/san-pham/nem-chua-thanh-hoa/").content.decode()
    certificate_services.certificate_revoke(
        actor=world.approver, certificate=certificate, reason="Vi phạm an toàn thực phẩm"
    )
    revoked = client.get("/san-pham/nem-chua-thanh-hoa/").content.decode()

    # then
    assert certificate.number in active and certificate.issuing_body in active
    assert f'href="/ocop/certificates/{certificate.number}/"' in active
    assert "OCOP ★★★★" in active
    assert certificate.number not in revoked and "OCOP ★" not in revoked


def test_invisible_products_are_404(client, channel):
    # given
    hidden = make_product("Chưa đăng", channel=channel, is_published=False)
    suspended = make_product(
        "Bị đình chỉ", channel=channel, producer=make_producer(status=ProducerStatus.SUSPENDED)
    )

    # then
    assert client.get(f"/san-pham/{hidden.slug}/").status_code == 404
    assert client.get(f"/san-pham/{suspended.slug}/").status_code == 404
    assert client.get("/san-pham/khong-co/").status_code == 404


def test_the_gs1_product_path_redirects_permanently(client, db):
    # when
    response = client.get("/products/nem-chua/")

    # then
    assert response.status_code == 301
    assert response["Location"] == "/san-pham/nem-chua/"


def test_producer_shop_shows_approved_producers_only(client, channel):
    # given
    producer = make_producer("HTX Trà Suối Giàng")
    producer.tax_code = "5200123456"
    producer.save()
    make_product("Trà shan tuyết", channel=channel, producer=producer)
    make_product("Khác", channel=channel)
    suspended = make_producer("Đình chỉ", status=ProducerStatus.SUSPENDED)

    # when
    response = client.get(f"/nha-san-xuat/{producer.slug}/")

    # then
    body = response.content.decode()
    assert response.status_code == 200
    assert _names(body) == ["Trà shan tuyết"]
    assert "5200123456" in body
    assert client.get(f"/nha-san-xuat/{suspended.slug}/").status_code == 404


def test_header_shows_the_cart_count_from_the_session(client, db):
    # given
    session = client.session
    session["cart_count"] = 3
    session.save()

    # when
    body = client.get("/").content.decode()

    # then
    assert re.search(r'href="/gio-hang/">[^<]*<span class="badge"[^>]*>3</span>', body)
    assert 'href="/tai-khoan/"' in body and 'action="/i18n/setlang/"' in body


def test_the_english_switch_changes_the_page_language(client, db):
    # when
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = client.get("/").content.decode()

    # then
    assert '<html lang="en">' in body
