"""Shared setup for the catalogue mutation tests: two producers, each with a product."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql_relay import to_global_id

from backend.catalog.models import Product, ProductVariant
from backend.channels.models import Channel
from backend.inventory.models import Warehouse
from producers.models import Producer, ProducerStatus
from tests.backend.catalog.factories import make_channel, make_product, product_type


@dataclass
class World:
    channel: Channel
    product_a: Product
    variant_a: ProductVariant
    warehouse_a: Warehouse
    product_b: Product
    warehouse_b: Warehouse


def set_status(producer: Producer, status: str) -> None:
    Producer.objects.unscoped().filter(pk=producer.pk).update(status=status)
    producer.refresh_from_db()


def world(producer_a: Producer, producer_b: Producer) -> World:
    set_status(producer_a, ProducerStatus.APPROVED)
    set_status(producer_b, ProducerStatus.APPROVED)
    channel = make_channel()
    product_a = make_product("Nem chua", channel=channel, producer=producer_a, with_image=False)
    product_b = make_product("Mắm tép", channel=channel, producer=producer_b, with_image=False)
    return World(
        channel=channel,
        product_a=product_a,
        variant_a=product_a.variants.get(),
        warehouse_a=Warehouse.objects.get(producer=producer_a),
        product_b=product_b,
        warehouse_b=Warehouse.objects.get(producer=producer_b),
    )


def gid(type_name: str, obj: Any) -> str:
    return to_global_id(type_name, obj.pk)


def product_type_id() -> str:
    return gid("ProductType", product_type())
