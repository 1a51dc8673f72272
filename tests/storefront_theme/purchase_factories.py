"""Storefront test data: a channel, producers with stock and delivery, a Thanh Hóa address."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.test import Client

from backend.channels.models import Channel
from tests.backend.checkout.factories import (
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
)

THANH_HOA = "38"
HAM_RONG = "14758"  # Phường Hàm Rồng, Thanh Hóa
BA_DINH = "00004"  # Phường Ba Đình, Hà Nội
ADDRESS = {
    "email": "khach@example.com",
    "first_name": "Lan",
    "last_name": "Nguyễn",
    "phone": "0912345678",
    "street_address_1": "12 Lê Lợi",
    "country_area": THANH_HOA,
    "city": HAM_RONG,
}


@dataclass
class Shop:
    channel: Channel
    nem: Any  # a variant of producer A
    mam: Any  # a variant of producer B
    method_a: Any
    method_b: Any


def make_shop() -> Shop:
    channel = make_channel()
    producer_a, producer_b = make_producer("HTX Nem chua"), make_producer("HTX Mắm tôm")
    nem = make_variant(channel, price=85_000, producer=producer_a)
    mam = make_variant(channel, price=40_000, producer=producer_b)
    return Shop(
        channel=channel,
        nem=nem,
        mam=mam,
        method_a=make_shipping(producer_a, price=30_000),
        method_b=make_shipping(producer_b, price=25_000),
    )


def add(client: Client, variant: Any, quantity: Any = 1) -> Any:
    return client.post("/gio-hang/them/", {"variant": variant.pk, "quantity": quantity})


def ready(client: Client, shop: Shop) -> str:
    """Two lines from two producers and a saved address; returns the checkout token."""
    add(client, shop.nem, 2)
    add(client, shop.mam, 1)
    response = client.post("/thanh-toan/", {**ADDRESS, "action": "address"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return str(client.session["checkout_token"])


def place(client: Client, shop: Shop, token: str, payment: str = "cod", **extra: Any) -> Any:
    data = {
        "action": "place",
        "checkout_token": token,
        "payment": payment,
        f"delivery_{shop.nem.product.producer_id}": shop.method_a.pk,
        f"delivery_{shop.mam.product.producer_id}": shop.method_b.pk,
        **extra,
    }
    return client.post("/thanh-toan/", data)
