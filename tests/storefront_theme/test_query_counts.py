"""Every catalogue page renders in a fixed number of SQL queries, for 5 or 30 products."""

import pytest

from backend.catalog.models import (
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    ProductVariant,
    ProductVariantChannelListing,
)
from tests.backend.catalog.factories import make_producer, make_product

pytestmark = pytest.mark.django_db

SIZES = [5, 30]


@pytest.fixture
def shop(channel, request):
    producer = make_producer("HTX Nem Đông Sơn")
    featured = Collection.objects.create(name="Nổi bật", slug="noi-bat")
    CollectionChannelListing.objects.create(collection=featured, channel=channel, is_published=True)
    products = [
        make_product(f"Nem chua {n}", channel=channel, producer=producer)
        for n in range(request.param)
    ]
    for product in products:
        CollectionProduct.objects.create(collection=featured, product=product)
    return producer, products


@pytest.mark.parametrize("shop", SIZES, indirect=True)
@pytest.mark.parametrize(
    ("path", "limit"),
    [
        ("/", 6),
        ("/tim-kiem/?q=nem+chua&sort=price", 5),
        ("/tim-kiem/?stars=&province=38&price_min=1000", 5),
        ("/danh-muc/{category}/", 8),
        ("/tinh/38/", 5),
        ("/nha-san-xuat/{producer}/", 7),
        ("/sitemap.xml", 4),
    ],
)
def test_listing_pages_run_constant_queries(
    client, shop, path, limit, django_assert_max_num_queries
):
    # given
    producer, products = shop
    url = path.format(category=products[0].category.slug, producer=producer.slug)

    # when
    with django_assert_max_num_queries(limit):
        response = client.get(url)

    # then
    assert response.status_code == 200
    assert products[0].name in response.content.decode() or url == "/sitemap.xml"


@pytest.mark.parametrize("variants", SIZES)
def test_product_page_runs_constant_queries(
    client, channel, variants, django_assert_max_num_queries
):
    # given
    product = make_product("Nem chua", channel=channel)
    for n in range(variants):
        variant = ProductVariant.objects.create(product=product, sku=f"NEM-{n}", name=f"Gói {n}")
        ProductVariantChannelListing.objects.create(
            variant=variant, channel=channel, price_amount=10_000 + n
        )

    # when
    with django_assert_max_num_queries(9):
        response = client.get(f"/san-pham/{product.slug}/")

    # then
    assert response.status_code == 200
    assert response.content.decode().count('name="variant"') == variants + 1
