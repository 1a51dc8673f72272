import io

from django.core.management import call_command

from backend.catalog.models import (
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductVariant,
    ProductVariantChannelListing,
)
from backend.catalog.search import search_products
from backend.core.demo.catalogue import PRODUCTS
from backend.inventory.models import Stock


def counts():
    return [
        model.objects.count()
        for model in (
            Product,
            ProductVariant,
            ProductMedia,
            Stock,
            ProductChannelListing,
            ProductVariantChannelListing,
        )
    ]


def test_demo_products_have_images_variants_stock_listings_and_are_searchable(db):
    # when
    call_command("demo", stdout=io.StringIO())
    first = counts()
    call_command("demo", stdout=io.StringIO())

    # then
    assert counts() == first
    assert Product.objects.count() == len(PRODUCTS)
    for product in Product.objects.all():
        assert product.media.count() == 1
        assert product.variants.exists()
        assert product.default_variant == product.variants.order_by("sort_order").first()
        assert Stock.objects.filter(product_variant__product=product, quantity__gt=0).exists()
        assert product.channel_listings.filter(channel__slug="vn", is_published=True).exists()
        assert product in search_products(Product.objects.all(), product.name)
