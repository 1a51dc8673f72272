from io import StringIO

from django.core.management import call_command

from backend.catalog.models import Product
from qr.demo import DEMO_BATCHES, DEMO_SERIALS
from qr.models import Batch, SerialCode, TraceEvent


def test_demo_creates_batches_for_the_demo_products_idempotently(db):
    # when: the whole demo loads twice
    call_command("demo", stdout=StringIO())
    first = (Batch.objects.count(), TraceEvent.objects.count(), SerialCode.objects.count())
    call_command("demo", stdout=StringIO())

    # then: a batch for every demo batch whose product exists, serials for the first one
    existing = set(Product.objects.values_list("slug", flat=True))
    expected_batches = sum(1 for demo in DEMO_BATCHES if demo.product_slug in existing)
    assert expected_batches >= 2
    assert first[0] == expected_batches
    assert first[1] >= expected_batches
    assert first[2] == DEMO_SERIALS
    assert (Batch.objects.count(), TraceEvent.objects.count(), SerialCode.objects.count()) == first
