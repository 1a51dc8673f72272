"""Checkout test data: products with stock (catalog factories), delivery methods, addresses."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from backend.channels.models import Channel
from backend.checkout import services
from backend.checkout.models import Checkout
from backend.checkout.services import LineChange
from backend.shipping.models import DeliveryMethod, DeliveryMethodType, DeliveryRate, PricingType
from producers.models import Producer
from tests.backend.catalog.factories import make_channel, make_producer, make_product

HANOI = {
    "first_name": "Lan",
    "last_name": "Nguyễn",
    "street_address_1": "12 Phố Huế",
    "city": "Ba Đình",
    "country_area": "Hà Nội",
    "phone": "0912345678",
}
HANOI_CODE = "01"
# The same address as the API's AddressInput.
HANOI_INPUT = {
    "firstName": HANOI["first_name"],
    "lastName": HANOI["last_name"],
    "streetAddress1": HANOI["street_address_1"],
    "city": HANOI["city"],
    "countryArea": HANOI["country_area"],
    "phone": HANOI["phone"],
    "country": "VN",
}


def codes(error: ValidationError) -> list[str]:
    """The codes of a ValidationError, in field order."""
    return [item.code for items in error.error_dict.values() for item in items]


def make_shipping(
    producer: Producer,
    *,
    price: int = 30_000,
    province_code: str = "",
    free_above: int | None = None,
    pricing: str = PricingType.FLAT,
    per_kg: int = 0,
    name: str = "Giao hàng tiêu chuẩn",
) -> DeliveryMethod:
    method = DeliveryMethod.objects.create(
        producer=producer, name=name, pricing=pricing, free_above_amount=free_above
    )
    DeliveryRate.objects.create(
        method=method, province_code=province_code, base_price_amount=price, per_kg_amount=per_kg
    )
    return method


def make_pickup(producer: Producer) -> DeliveryMethod:
    warehouse = producer.warehouses.first()
    return DeliveryMethod.objects.create(
        producer=producer,
        name="Nhận tại cơ sở",
        type=DeliveryMethodType.PICKUP,
        pickup_warehouse=warehouse,
    )


def make_variant(
    channel: Channel,
    *,
    price: int = 50_000,
    stock: int = 10,
    producer: Producer | None = None,
    **kwargs: Any,
) -> Any:
    product = make_product(
        "Nem chua",
        channel=channel,
        producer=producer,
        prices=(price,),
        stock=stock,
        with_image=False,
        **kwargs,
    )
    return product.variants.get()


def ready_checkout(
    actor: Any,
    channel: Channel,
    variants: list[Any],
    *,
    quantity: int = 1,
    email: str = "guest@example.com",
) -> Checkout:
    """A checkout with lines, a Hà Nội address and each producer's cheapest delivery chosen."""
    checkout = services.checkout_create(
        actor=actor,
        channel_slug=channel.slug,
        lines=[LineChange(variant_id=v.pk, quantity=quantity) for v in variants],
        email=email,
        shipping_address=HANOI,
    )
    producers = {v.product.producer_id for v in variants}
    choices = [
        (pk, DeliveryMethod.objects.filter(producer_id=pk).order_by("pk").first().pk)  # type: ignore[union-attr]
        for pk in producers
    ]
    checkout = Checkout.objects.select_related("channel", "shipping_address").get(pk=checkout.pk)
    services.checkout_delivery_methods_update(checkout=checkout, choices=choices)
    return checkout


__all__ = ["make_channel", "make_producer", "make_product"]
