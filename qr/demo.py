"""Demo traceability data: batches with an EPCIS journey for a few demo products, and
serials for one batch. Idempotent; products missing from the database are skipped."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from backend.catalog.models import Product
from qr import services
from qr.models import Batch, SerialCode

VN = ZoneInfo("Asia/Ho_Chi_Minh")
DEMO_SERIALS = 24


@dataclass(frozen=True)
class DemoBatch:
    product_slug: str
    lot: str
    produced: dt.date
    shelf_days: int
    quantity: int
    origin_area: str
    steps: tuple[tuple[str, str, str], ...]  # (bizStep, disposition, description)


DEMO_BATCHES: tuple[DemoBatch, ...] = (
    DemoBatch(
        "nem-chua-thanh-hoa",
        "NEM2611A",
        dt.date(2026, 11, 2),
        7,
        400,
        "Trang trại lợn Đông Sơn",
        (
            ("commissioning", "active", "Thịt lợn nạc nhận từ trang trại, kiểm tra thú y"),
            ("packing", "in_progress", "Gói lá chuối, lên men tự nhiên 3 ngày"),
            ("shipping", "in_transit", "Giao cho kho OCOP Market Thanh Hóa"),
        ),
    ),
    DemoBatch(
        "mam-tep-chung-thit",
        "MT2610B",
        dt.date(2026, 10, 15),
        180,
        250,
        "Làng chài Hoằng Trường",
        (
            ("commissioning", "active", "Tép biển đánh bắt và ủ chượp 6 tháng"),
            ("packing", "in_progress", "Chưng thịt ba chỉ, đóng hũ thủy tinh"),
        ),
    ),
    DemoBatch(
        "mat-ong-rung",
        "MO2609",
        dt.date(2026, 9, 20),
        730,
        120,
        "Rừng Xuân Phong",
        (
            ("commissioning", "active", "Quay mật từ đàn ong rừng"),
            ("inspecting", "conformant", "Kiểm nghiệm độ ẩm và HMF đạt TCVN 5267"),
            ("packing", "in_progress", "Lọc và đóng chai 500 ml"),
        ),
    ),
)


def load_demo(*, actor: Any) -> None:
    """Create the demo batches as ``actor`` (a staff user); serials for the first batch."""
    products = {
        product.slug: product
        for product in Product.objects.select_related("producer").filter(
            slug__in=[demo.product_slug for demo in DEMO_BATCHES]
        )
    }
    created: list[Batch] = []
    for demo in DEMO_BATCHES:
        product = products.get(demo.product_slug)
        variant = product.variants.order_by("sort_order", "pk").first() if product else None
        if product is None or variant is None:
            continue
        batch = Batch.objects.filter(variant=variant, lot_code=demo.lot).first()
        if batch is None:
            batch = _create(actor=actor, product=product, variant=variant, demo=demo)
        created.append(batch)
    if created and not SerialCode.objects.filter(batch=created[0]).exists():
        services.serials_issue(
            actor=actor, producer=created[0].producer, batch=created[0], count=DEMO_SERIALS
        )


def _create(*, actor: Any, product: Product, variant: Any, demo: DemoBatch) -> Batch:
    producer = product.producer
    batch = services.batch_create(
        actor=actor,
        producer=producer,
        variant=variant,
        lot_code=demo.lot,
        production_date=demo.produced,
        best_before_date=demo.produced + dt.timedelta(days=demo.shelf_days),
        quantity=demo.quantity,
        origin_commune_code=producer.commune_code,
        origin_area=demo.origin_area,
    )
    place = f"urn:ocop:vn:commune:{producer.commune_code or producer.province_code}"
    for day, (biz_step, disposition, description) in enumerate(demo.steps):
        services.trace_event_record(
            actor=actor,
            producer=producer,
            batch=batch,
            event_type="ObjectEvent",
            action="ADD" if biz_step == "commissioning" else "OBSERVE",
            biz_step=biz_step,
            disposition=disposition,
            event_time=dt.datetime.combine(demo.produced, dt.time(8), VN) + dt.timedelta(days=day),
            read_point=place,
            biz_location=place,
            quantity=demo.quantity,
            description=description,
        )
    return batch
