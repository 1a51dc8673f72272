"""Demo orders across producers in several states, made through the real services.

Idempotent: does nothing once demo orders exist, or while the catalogue has no products
purchasable in an active channel (the catalogue demo loads them).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import F

from backend.catalog.models import ProductVariant
from backend.channels.models import Channel
from backend.checkout.availability import purchase_problem, variant_facts
from backend.checkout.complete import checkout_complete
from backend.checkout.models import Checkout
from backend.checkout.services import (
    LineChange,
    checkout_create,
    checkout_delivery_methods_update,
)
from backend.orders import services
from backend.orders.models import Order
from backend.shipping.demo import load_demo_delivery
from backend.shipping.models import DeliveryMethod

DEMO_EMAIL = "shopper@ocop.example"
ADDRESS = {
    "first_name": "Lan",
    "last_name": "Nguyễn",
    "street_address_1": "12 Phố Huế",
    "city": "Ba Đình",
    "country_area": "Hà Nội",
    "phone": "0912345678",
}


def _purchasable(channel: Channel) -> list[ProductVariant]:
    """One purchasable variant with stock per producer, at most three producers."""
    candidates = ProductVariant.objects.filter(
        stocks__quantity__gt=F("stocks__quantity_allocated") + 5
    ).values_list("pk", flat=True)[:200]
    facts = variant_facts(candidates, channel)
    chosen: dict[int, ProductVariant] = {}
    for fact in facts.values():
        producer_id = fact.variant.product.producer_id
        if purchase_problem(fact, channel) is None and producer_id not in chosen:
            chosen[producer_id] = fact.variant
    return list(chosen.values())[:3]


def _delivery_choices(variants: list[ProductVariant]) -> list[tuple[int, int]]:
    load_demo_delivery()  # every producer ships (idempotent; the demo command ran it already)
    choices = []
    for variant in variants:
        producer_id = variant.product.producer_id
        method = DeliveryMethod.objects.filter(producer_id=producer_id).order_by("pk").first()
        assert method is not None  # load_demo_delivery gave each producer with goods one
        choices.append((producer_id, method.pk))
    return choices


def load_demo_orders(staff: object) -> int:
    """Create three demo orders (placed, shipped by one producer, cancelled); the count made."""
    if Order.objects.filter(metadata__demo="true").exists():
        return 0
    channel = Channel.objects.filter(is_active=True).order_by("pk").first()
    if channel is None:
        return 0
    variants = _purchasable(channel)
    if not variants:
        return 0
    choices = _delivery_choices(variants)
    orders = []
    for _ in range(3):
        checkout = checkout_create(
            actor=AnonymousUser(),
            channel_slug=channel.slug,
            lines=[LineChange(variant_id=v.pk, quantity=1) for v in variants],
            email=DEMO_EMAIL,
            shipping_address=ADDRESS,
            metadata={"demo": "true"},
        )
        checkout = Checkout.objects.select_related("channel", "shipping_address").get(
            pk=checkout.pk
        )
        checkout_delivery_methods_update(checkout=checkout, choices=choices)
        orders.append(checkout_complete(actor=AnonymousUser(), token=checkout.pk))
    services.order_fulfill(
        actor=staff,
        order=orders[1],
        group=orders[1].fulfillment_groups.order_by("pk")[0],
        carrier="VNPost",
    )
    services.order_cancel(actor=staff, order=orders[2])
    return len(orders)
