"""Catalogue benchmark: seed N products, serve them as production does, measure.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ocop_bench \\
        .venv/bin/python bench/catalog.py 10000 [--duration 10] [--max-requests 4000]

Seeds N products (idempotent: reuses them when the count already matches), starts gunicorn
as production does (infra/gunicorn.conf.py, 2 workers) with DEBUG off on 127.0.0.1, then
for the product list (20 items), a product by slug and a search prints req/s and
p50/p95/p99 latency at concurrency 1 (for reference), 8 and 32, with the machine's load
average (other work skews the figures). Twice: with the anonymous response cache off
(every request runs its SQL) and on, after requesting each query text once.
The load generator is threads + http.client, bounded by --duration and --max-requests and
only ever talks to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import io
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.server import gunicorn_command, production_secrets  # noqa: E402

PREFIX = "bench-"
WORDS = (
    "Nem chua",
    "Mật ong",
    "Chè lam",
    "Gạo tám",
    "Mắm tép",
    "Bánh đa",
    "Chiếu cói",
    "Nước mắm",
    "Trà shan",
    "Miến dong",
    "Giò me",
    "Bánh gai",
    "Rượu làng Vân",
    "Cam Vinh",
)
PLACES = (
    "Thanh Hóa",
    "Đông Sơn",
    "Hoằng Hóa",
    "Như Thanh",
    "Nghệ An",
    "Hà Nội",
    "Sơn Tây",
    "Thọ Xuân",
    "Nga Sơn",
    "Quỳnh Lưu",
    "Tứ Trụ",
    "Ba Vì",
)
SEARCHES = ("nem chua", "mat ong", "dong son", "nem chau", "che lam thanh hoa", "gao", "banh")

LIST_QUERY = """query($after: String) { products(first: 20, channel: "vn", after: $after) {
  edges { node { id name slug thumbnail(size: 256, format: WEBP) { url alt }
    pricing { priceRange { start { gross { amount currency } } stop { gross { amount } } } }
    category { name slug } producer { name slug } } } pageInfo { endCursor } } }"""
DETAIL_QUERY = """query($slug: String) { product(slug: $slug, channel: "vn") {
  id name slug description seoTitle thumbnail { url } media { url alt }
  category { name } producer { name province { name } }
  pricing { priceRange { start { gross { amount currency } } } }
  variants { sku name quantityAvailable pricing { price { gross { amount } } } } } }"""
SEARCH_QUERY = """query($q: String) { products(first: 20, channel: "vn", search: $q) {
  edges { node { id name slug thumbnail { url } category { name } producer { name }
    pricing { priceRange { start { gross { amount } } } } } } } }"""


def production_env(port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "backend.config.settings",
            "DEBUG": "false",
            **production_secrets(),
            "ALLOWED_HOSTS": "127.0.0.1",
            "PUBLIC_URL": f"http://127.0.0.1:{port}",
            "REDIS_URL": env.get("REDIS_URL", "redis://127.0.0.1:6379/3"),
            "SECURE_SSL_REDIRECT": "false",
            "LOG_LEVEL": "WARNING",
        }
    )
    if not env.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database the benchmark may fill.")
    return env


def seed(count: int) -> list[str]:
    """Create ``count`` bench products (replacing a different number of them)."""
    import django

    django.setup()
    from django.core.files.base import ContentFile
    from django.db import transaction
    from PIL import Image

    from backend.catalog import models as catalog
    from backend.catalog.search import update_product_search_index
    from backend.channels.models import Channel
    from backend.inventory.models import Stock, Warehouse
    from producers.models import LegalForm, Producer, ProducerStatus

    existing = catalog.Product.objects.filter(slug__startswith=PREFIX)
    if existing.count() == count:
        return list(existing.values_list("slug", flat=True)[:500])
    started = time.monotonic()
    with transaction.atomic():
        catalog.ProductMedia.objects.filter(product__slug__startswith=PREFIX).delete()
        existing.delete()
        channel, _ = Channel.objects.get_or_create(
            slug="vn", defaults={"name": "Việt Nam", "is_active": True}
        )
        product_type, _ = catalog.ProductType.objects.get_or_create(
            slug="bench", defaults={"name": "Bench"}
        )
        producers = []
        for index in range(50):
            producer, _ = Producer.objects.unscoped().get_or_create(
                slug=f"{PREFIX}producer-{index}",
                defaults={
                    "name": f"HTX {PLACES[index % len(PLACES)]} {index}",
                    "legal_name": f"Hợp tác xã {index}",
                    "legal_form": LegalForm.HOP_TAC_XA,
                    "province_code": "38",
                    "status": ProducerStatus.APPROVED,
                },
            )
            warehouse, _ = Warehouse.objects.get_or_create(
                slug=f"{PREFIX}kho-{index}",
                defaults={"producer": producer, "name": f"Kho {index}", "province_code": "38"},
            )
            warehouse.channels.add(channel)
            producers.append((producer, warehouse))
        categories = list(catalog.Category.objects.filter(level=1))
        image = io.BytesIO()
        Image.new("RGB", (600, 600), "#8e3b2e").save(image, format="JPEG")
        template = catalog.ProductMedia(alt="bench")
        template.image.save("bench.jpg", ContentFile(image.getvalue()), save=False)
        rng = random.Random(count)
        batch = 2000
        for start in range(0, count, batch):
            size = min(batch, count - start)
            products = []
            for offset in range(size):
                number = start + offset
                producer, _ = producers[number % len(producers)]
                name = f"{rng.choice(WORDS)} {rng.choice(PLACES)} {number}"
                products.append(
                    catalog.Product(
                        producer=producer,
                        product_type=product_type,
                        category=categories[number % len(categories)],
                        name=name,
                        slug=f"{PREFIX}{number}",
                        description_plaintext=f"{name}: đặc sản OCOP làm thủ công.",
                    )
                )
            products = catalog.Product.objects.bulk_create(products)
            variants = catalog.ProductVariant.objects.bulk_create(
                catalog.ProductVariant(product=p, sku=f"{p.slug}-1", name="Gói 500 g")
                for p in products
            )
            prices = [rng.randrange(20, 500) * 1000 for _ in products]
            catalog.ProductVariantChannelListing.objects.bulk_create(
                catalog.ProductVariantChannelListing(variant=v, channel=channel, price_amount=price)
                for v, price in zip(variants, prices, strict=True)
            )
            catalog.ProductChannelListing.objects.bulk_create(
                catalog.ProductChannelListing(
                    product=p,
                    channel=channel,
                    is_published=True,
                    visible_in_listings=True,
                    discounted_price_amount=price,
                )
                for p, price in zip(products, prices, strict=True)
            )
            catalog.ProductMedia.objects.bulk_create(
                catalog.ProductMedia(product=p, image=template.image.name, alt=p.name)
                for p in products
            )
            warehouses = {producer.pk: warehouse for producer, warehouse in producers}
            Stock.objects.bulk_create(
                Stock(warehouse=warehouses[p.producer_id], product_variant=v, quantity=100)
                for p, v in zip(products, variants, strict=True)
            )
        update_product_search_index(
            catalog.Product.objects.filter(slug__startswith=PREFIX).values_list("pk", flat=True)
        )
    with django.db.connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"seeded {count} products in {time.monotonic() - started:.1f}s", flush=True)
    return list(
        catalog.Product.objects.filter(slug__startswith=PREFIX).values_list("slug", flat=True)[:500]
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(gunicorn_command(port), cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    sys.exit("gunicorn did not start")


def post(port: int, body: bytes) -> float:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("POST", "/graphql/", body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    payload = response.read()
    connection.close()
    if response.status != 200 or b'"errors"' in payload:
        raise RuntimeError(f"bad response {response.status}: {payload[:300]!r}")
    return time.perf_counter() - started


def load(
    port: int,
    make_body: Callable[[random.Random], bytes],
    concurrency: int,
    duration: float,
    max_requests: int,
) -> tuple[float, list[float]]:
    latencies: list[float] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + duration

    def worker(seed_value: int) -> None:
        rng = random.Random(seed_value)
        while time.monotonic() < stop_at:
            with lock:
                if len(latencies) >= max_requests:
                    return
            elapsed = post(port, make_body(rng))
            with lock:
                latencies.append(elapsed)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started, latencies


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("products", type=int, help="how many products to seed")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per scenario")
    parser.add_argument("--max-requests", type=int, default=5000, help="cap per scenario")
    args = parser.parse_args()
    port = free_port()
    env = production_env(port)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    slugs = seed(args.products)

    def body(query: str, variables: dict[str, object]) -> bytes:
        return json.dumps({"query": query, "variables": variables}).encode()

    scenarios: dict[str, Callable[[random.Random], bytes]] = {
        "list (20 items)": lambda rng: body(LIST_QUERY, {}),
        "detail by slug": lambda rng: body(DETAIL_QUERY, {"slug": rng.choice(slugs)}),
        "search": lambda rng: body(SEARCH_QUERY, {"q": rng.choice(SEARCHES)}),
    }
    modes = (
        ("response cache off: every request computed", "0", False),
        ("response cache on, warm: each query text requested once before", "60", True),
    )
    for mode, cache_seconds, warm_every_query in modes:
        server = start_server(port, {**env, "GRAPHQL_RESPONSE_CACHE_SECONDS": cache_seconds})
        try:
            for make in scenarios.values():  # warm both workers' connections and caches
                load(port, make, 2, 1.0, 20)
            if warm_every_query:
                for slug in slugs:
                    post(port, body(DETAIL_QUERY, {"slug": slug}))
                for term in SEARCHES:
                    post(port, body(SEARCH_QUERY, {"q": term}))
            load_average = " ".join(f"{value:.1f}" for value in os.getloadavg())
            print(f"\n{args.products} products, production gunicorn (2 workers), {mode}")
            print(f"load average before: {load_average} ({os.cpu_count()} CPUs)")
            header = ("scenario", "conc", "req/s", "p50 ms", "p95 ms", "p99 ms", "n")
            print(f"{header[0]:<18}" + "".join(f"{column:>9}" for column in header[1:]))
            for name, make in scenarios.items():
                for concurrency in (1, 8, 32):
                    elapsed, latencies = load(
                        port, make, concurrency, args.duration, args.max_requests
                    )
                    print(
                        f"{name:<18}{concurrency:>9}{len(latencies) / elapsed:>9.0f}"
                        f"{percentile(latencies, 0.5) * 1000:>9.1f}"
                        f"{percentile(latencies, 0.95) * 1000:>9.1f}"
                        f"{percentile(latencies, 0.99) * 1000:>9.1f}{len(latencies):>9}",
                        flush=True,
                    )
            load_average = " ".join(f"{value:.1f}" for value in os.getloadavg())
            print(f"load average after: {load_average}")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
