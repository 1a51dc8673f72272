"""Whole checkout flow against a production-like server; prints checkouts/s and p95 per step.

    /work/main/.venv/bin/python bench/checkout.py [--checkouts 200]

Uses its own database (BENCH_DATABASE_URL, default ocop_checkout_bench on 127.0.0.1),
created if missing, migrated and seeded with three producers' products. Each checkout:
checkoutCreate (one line), checkoutLinesAdd (two more producers),
checkoutShippingAddressUpdate, checkoutDeliveryMethodUpdate, checkoutComplete (cash on
delivery) - sequentially, then with 4 and 8 concurrent shoppers.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.server import ensure_database, production_server  # noqa: E402

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ocop_checkout_bench"
)
STEPS = ("create", "lines", "address", "delivery", "complete")
ADDRESS = {
    "firstName": "Lan",
    "lastName": "Nguyễn",
    "streetAddress1": "12 Phố Huế",
    "city": "Ba Đình",
    "countryArea": "Hà Nội",
    "phone": "0912345678",
    "country": "VN",
}
CREATE = """mutation($input: CheckoutCreateInput!) { checkoutCreate(input: $input) {
  checkout { id } errors { code } } }"""
LINES = """mutation($id: ID!, $lines: [CheckoutLineInput!]!) {
  checkoutLinesAdd(id: $id, lines: $lines) { checkout { quantity } errors { code } } }"""
ADDRESS_UPDATE = """mutation($id: ID!, $a: AddressInput!) {
  checkoutShippingAddressUpdate(id: $id, shippingAddress: $a) {
  checkout { deliveryGroups { shippingMethods { id } } } errors { code } } }"""
DELIVERY = """mutation($id: ID!, $m: ID) {
  checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $m) {
  checkout { totalPrice { gross { amount } } } errors { code } } }"""
COMPLETE = """mutation($id: ID!, $p: JSONString) { checkoutComplete(id: $id, paymentData: $p) {
  order { number } errors { code } } }"""


def seed() -> list[str]:
    """Migrate and seed the bench database; the three variants' global IDs."""
    env = {**os.environ, "DATABASE_URL": DATABASE_URL, "DEBUG": "true"}
    ensure_database(DATABASE_URL)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.config.settings")
    # Django can only be imported once settings point at the bench database.
    import django

    django.setup()
    from django.utils import timezone
    from graphql_relay import to_global_id

    from backend.catalog import models as catalog
    from backend.channels.models import Channel
    from backend.inventory.models import Stock, Warehouse
    from backend.shipping.models import DeliveryMethod, DeliveryRate
    from producers.models import LegalForm, Producer, ProducerStatus

    channel, _ = Channel.objects.get_or_create(
        slug="vn", defaults={"name": "VN", "is_active": True}
    )
    product_type, _ = catalog.ProductType.objects.get_or_create(
        slug="bench", defaults={"name": "B"}
    )
    ids = []
    for index in range(3):
        producer, _ = Producer.objects.unscoped().get_or_create(
            slug=f"bench-{index}",
            defaults={
                "name": f"Bench {index}",
                "legal_name": f"Bench {index}",
                "legal_form": LegalForm.HOP_TAC_XA,
                "province_code": "38",
                "status": ProducerStatus.APPROVED,
            },
        )
        product, _ = catalog.Product.objects.get_or_create(
            slug=f"bench-{index}",
            defaults={"producer": producer, "product_type": product_type, "name": f"P{index}"},
        )
        variant, _ = catalog.ProductVariant.objects.get_or_create(
            sku=f"BENCH-{index}", defaults={"product": product}
        )
        catalog.ProductChannelListing.objects.get_or_create(
            product=product,
            channel=channel,
            defaults={
                "is_published": True,
                "available_for_purchase_at": timezone.now() - timedelta(days=1),
            },
        )
        catalog.ProductVariantChannelListing.objects.get_or_create(
            variant=variant, channel=channel, defaults={"price_amount": 50_000 * (index + 1)}
        )
        warehouse, _ = Warehouse.objects.get_or_create(
            slug=f"bench-{index}",
            defaults={"producer": producer, "name": "K", "province_code": "38"},
        )
        warehouse.channels.add(channel)
        Stock.objects.update_or_create(
            warehouse=warehouse,
            product_variant=variant,
            defaults={"quantity": 10_000_000, "quantity_allocated": 0},
        )
        if not DeliveryMethod.objects.filter(producer=producer).exists():
            method = DeliveryMethod.objects.create(producer=producer, name="Tiêu chuẩn")
            DeliveryRate.objects.create(method=method, base_price_amount=30_000)
        ids.append(to_global_id("ProductVariant", variant.pk))
    return ids


class Client:
    def __init__(self, base_url: str) -> None:
        host, port = base_url.removeprefix("http://").split(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=60)

    def post(self, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        body = json.dumps({"query": query, "variables": variables})
        self.connection.request("POST", "/graphql/", body, {"Content-Type": "application/json"})
        data: dict[str, Any] = json.loads(self.connection.getresponse().read())
        if "errors" in data:
            raise RuntimeError(data["errors"])
        return data["data"]


def one_checkout(client: Client, variants: list[str], timings: dict[str, list[float]]) -> bool:
    def step(name: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        started = time.perf_counter()
        data = client.post(query, variables)
        timings[name].append(time.perf_counter() - started)
        payload = next(iter(data.values()))
        if payload["errors"]:
            raise RuntimeError(payload["errors"])
        return payload

    lines = [{"variantId": variant, "quantity": 1} for variant in variants]
    created = step(
        "create", CREATE, {"input": {"channel": "vn", "lines": lines[:1], "email": "b@example.com"}}
    )
    checkout_id = created["checkout"]["id"]
    step("lines", LINES, {"id": checkout_id, "lines": lines[1:]})
    groups = step("address", ADDRESS_UPDATE, {"id": checkout_id, "a": ADDRESS})
    method = groups["checkout"]["deliveryGroups"][0]["shippingMethods"][0]["id"]
    step("delivery", DELIVERY, {"id": checkout_id, "m": method})
    return bool(
        step("complete", COMPLETE, {"id": checkout_id, "p": json.dumps({"gateway": "cod"})})[
            "order"
        ]
    )


def run(base_url: str, variants: list[str], total: int, concurrency: int) -> None:
    timings: dict[str, list[float]] = {name: [] for name in STEPS}
    completed = 0
    lock = threading.Lock()
    per_worker = total // concurrency

    def worker() -> None:
        nonlocal completed
        client = Client(base_url)
        for _ in range(per_worker):
            if one_checkout(client, variants, timings):
                with lock:
                    completed += 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    p95 = {name: statistics.quantiles(values, n=20)[18] * 1000 for name, values in timings.items()}
    steps = "  ".join(f"{name} {value:.0f}ms" for name, value in p95.items())
    print(
        f"concurrency {concurrency}: {completed} checkouts in {elapsed:.1f}s = "
        f"{completed / elapsed:.1f}/s; p95 {steps}"
    )


def cpu_calibration_ms() -> float:
    """CPU milliseconds for a fixed loop, best of three. This machine's speed has been seen
    to vary twofold from minute to minute, so each run's figures are read against it."""
    timings = []
    for _ in range(3):
        started = time.process_time()
        total = 0
        for number in range(1_000_000):
            total += number * number
        timings.append((time.process_time() - started) * 1000)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--checkouts", type=int, default=160)
    args = parser.parse_args()
    variants = seed()
    print(f"CPU calibration before: {cpu_calibration_ms():.0f} ms (lower is a faster machine)")
    with production_server(DATABASE_URL) as base_url:
        run(base_url, variants, 10, 1)  # warm-up: workers import, connect, cache
        for concurrency in (1, 4, 8):
            run(base_url, variants, args.checkouts, concurrency)
    print(f"CPU calibration after: {cpu_calibration_ms():.0f} ms")


if __name__ == "__main__":
    main()
