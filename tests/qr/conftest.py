"""Fixtures for traceability tests: two approved producers with one product each."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from backend.catalog.models import Product, ProductType, ProductVariant
from producers.models import Producer, ProducerStatus
from qr import cache as trace_cache
from qr import services

GTIN = "8931234567897"
GTIN14 = "08931234567897"
LOT = "L2611-A"


@pytest.fixture(autouse=True)
def _clear_cache() -> Any:
    cache.clear()
    trace_cache.reset_local()
    yield
    cache.clear()
    trace_cache.reset_local()


@pytest.fixture
def staff_user(db: Any) -> Any:
    return get_user_model().objects.create_user("staff@ocop.example", "pw-123456", is_staff=True)


@pytest.fixture
def shopper(db: Any) -> Any:
    return get_user_model().objects.create_user("shopper@ocop.example", "pw-123456")


def make_producer(slug: str, tax_code: str) -> Producer:
    return Producer.objects.create(
        legal_name=f"Hợp tác xã {slug}",
        name=f"HTX {slug}",
        slug=slug,
        legal_form="hop_tac_xa",
        tax_code=tax_code,
        province_code="38",
        commune_code="16378",
        street_address="Thôn Văn Khê",
        phone="+84912000001",
        status=ProducerStatus.APPROVED,
    )


@pytest.fixture
def producer(db: Any) -> Producer:
    return make_producer("nem-dong-son", "2801234567")


@pytest.fixture
def other_producer(db: Any) -> Producer:
    return make_producer("mam-hoang-hoa", "2801234568")


@pytest.fixture
def product_type(db: Any) -> ProductType:
    return ProductType.objects.create(name="Thực phẩm", slug="thuc-pham")


def make_variant(
    producer: Producer, product_type: ProductType, slug: str, gtin: str = ""
) -> ProductVariant:
    product = Product.objects.create(
        producer=producer, product_type=product_type, name=f"Nem chua {slug}", slug=slug
    )
    return ProductVariant.objects.create(
        product=product, sku=f"SKU-{slug}", name="Chục 10", gtin=gtin
    )


@pytest.fixture
def variant(producer: Producer, product_type: ProductType) -> ProductVariant:
    return make_variant(producer, product_type, "nem-chua-thanh-hoa", GTIN)


@pytest.fixture
def other_variant(other_producer: Producer, product_type: ProductType) -> ProductVariant:
    return make_variant(other_producer, product_type, "mam-tep", "")


@pytest.fixture
def batch(staff_user: Any, producer: Producer, variant: ProductVariant) -> Any:
    return services.batch_create(
        actor=staff_user,
        producer=producer,
        variant=variant,
        lot_code=LOT,
        production_date=dt.date(2026, 11, 2),
        best_before_date=dt.date(2026, 11, 9),
        quantity=400,
        origin_commune_code="16378",
        origin_area="Trang trại Đông Sơn",
    )


@pytest.fixture
def other_batch(staff_user: Any, other_producer: Producer, other_variant: ProductVariant) -> Any:
    return services.batch_create(
        actor=staff_user,
        producer=other_producer,
        variant=other_variant,
        lot_code="MT-1",
        production_date=dt.date(2026, 10, 1),
        quantity=50,
    )
