from io import StringIO

from django.core.management import call_command

from backend.catalog.models import Product, ProductType, ProductVariant
from producers.models import Producer
from qr.demo import DEMO_SERIALS
from qr.models import Batch, SerialCode, TraceEvent


def test_demo_creates_batches_for_existing_demo_products_idempotently(db):
    # given: the catalogue demo is not on this branch, so create two of its products
    call_command("demo", stdout=StringIO())
    product_type = ProductType.objects.create(name="Thực phẩm", slug="thuc-pham")
    for producer_slug, slug, gtin in (
        ("htx-nem-chua-dong-son", "nem-chua-thanh-hoa", "8931234567897"),
        ("mat-ong-thuong-xuan", "mat-ong-rung", ""),
    ):
        product = Product.objects.create(
            producer=Producer.objects.get(slug=producer_slug),
            product_type=product_type,
            name=slug,
            slug=slug,
        )
        ProductVariant.objects.create(product=product, sku=slug, gtin=gtin)

    # when
    call_command("demo", stdout=StringIO())
    first = (Batch.objects.count(), TraceEvent.objects.count(), SerialCode.objects.count())
    call_command("demo", stdout=StringIO())

    # then: the missing mắm product is skipped
    assert first == (2, 6, DEMO_SERIALS)
    assert (Batch.objects.count(), TraceEvent.objects.count(), SerialCode.objects.count()) == first
