"""Demo delivery: every demo producer with goods ships them, so a shopper can buy anything
in the demo (without this only the producers in the demo orders had a delivery method).

Idempotent: a producer that already has a method keeps it.
"""

from __future__ import annotations

from backend.shipping.models import DeliveryMethod, DeliveryRate
from producers.models import Producer

STANDARD_PRICE = 30_000
FREE_ABOVE = 500_000


def load_demo_delivery() -> int:
    """A nationwide standard delivery (30.000 ₫, free from 500.000 ₫) for each producer with
    products and no delivery method; the count made."""
    made = 0
    producers = Producer.objects.unscoped().filter(products__isnull=False).distinct()
    for producer in producers.exclude(delivery_methods__isnull=False):
        method = DeliveryMethod.objects.create(
            producer=producer, name="Giao hàng tiêu chuẩn", free_above_amount=FREE_ABOVE
        )
        DeliveryRate.objects.create(method=method, base_price_amount=STANDARD_PRICE)
        made += 1
    return made
