"""Trace page speed next to a static file of the same size, and label PDF throughput.

Starts gunicorn as production does (infra/gunicorn.conf.py, Redis cache and broker) on
127.0.0.1 only, loads one batch page and one serial page with C concurrent keep-alive
connections for a bounded time, then a static file of the page's size from the same
server, and prints req/s, p50/p99 and the ratio. Then renders label sheets in-process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ocop_trace_bench \\
    REDIS_URL=redis://127.0.0.1:6379/8 python bench/trace.py [--seconds 10] [--labels 10000]

The database is created if missing and gets one demo batch; the Redis DB is flushed at the
end (scans queued by the page are not consumed: no worker runs during the measurement).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.server import ensure_database, gunicorn_command, production_secrets  # noqa: E402

HOST = "127.0.0.1"
GTIN = "8931234567897"
LOT = "BENCH1"


def environment(var_dir: Path, port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(production_secrets())
    env.update(
        DJANGO_SETTINGS_MODULE="backend.config.settings",
        DEBUG="false",
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        OCOP_VAR_DIR=str(var_dir),
        PUBLIC_URL=f"http://{HOST}:{port}",
        LOG_LEVEL="WARNING",
    )
    return env


def prepare(env: dict[str, str]) -> tuple[str, str]:
    """Migrate, create the batch (idempotent); return the lot path and a serial path."""
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    serial = subprocess.run(
        [sys.executable, __file__, "--in-django", "prepare"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    lot_path = f"/trace/01/0{GTIN}/10/{LOT}"
    return lot_path, f"{lot_path}/21/{serial}"


def _django() -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _prepare_data() -> None:
    """Runs inside Django (production settings): the bench batch, events and one serial."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    from django.contrib.auth import get_user_model

    from backend.catalog.models import Product, ProductType, ProductVariant
    from producers.models import Producer
    from qr import services
    from qr.models import Batch, SerialCode

    staff, _ = get_user_model().objects.get_or_create(
        email="bench@ocop.example", defaults={"is_staff": True}
    )
    producer, _ = Producer.objects.unscoped().get_or_create(
        slug="trace-bench-htx",
        defaults={
            "legal_name": "Hợp tác xã Nem chua Đông Sơn",
            "name": "Nem chua Đông Sơn",
            "legal_form": "hop_tac_xa",
            "tax_code": "2809999999",
            "province_code": "38",
            "commune_code": "16378",
            "street_address": "Thôn Văn Khê",
            "phone": "+84912000001",
            "status": "approved",
        },
    )
    product_type, _ = ProductType.objects.get_or_create(
        slug="bench", defaults={"name": "Thực phẩm"}
    )
    product, _ = Product.objects.get_or_create(
        slug="trace-bench-nem-chua",
        defaults={"producer": producer, "product_type": product_type, "name": "Nem chua Thanh Hóa"},
    )
    variant, _ = ProductVariant.objects.get_or_create(
        sku="BENCH-NEM", defaults={"product": product, "name": "Chục 10 cái", "gtin": GTIN}
    )
    batch = Batch.objects.filter(lot_code=LOT, variant=variant).first()
    if batch is None:
        batch = services.batch_create(
            actor=staff,
            producer=producer,
            variant=variant,
            lot_code=LOT,
            production_date=dt.date(2026, 11, 2),
            best_before_date=dt.date(2026, 11, 9),
            quantity=400,
            origin_commune_code="16378",
            origin_area="Trang trại Đông Sơn",
        )
        steps = ["commissioning", "inspecting", "packing", "storing", "shipping"]
        for day, step in enumerate(steps):
            services.trace_event_record(
                actor=staff,
                producer=producer,
                batch=batch,
                event_type="ObjectEvent",
                action="ADD" if day == 0 else "OBSERVE",
                biz_step=step,
                event_time=dt.datetime(2026, 11, 2 + day, 8, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")),
                description="Bước " + step,
            )
    if not SerialCode.objects.filter(batch=batch).exists():
        services.serials_issue(actor=staff, producer=producer, batch=batch, count=1)
    print(SerialCode.objects.filter(batch=batch).first().serial)  # type: ignore[union-attr]


def _label_throughput(count: int) -> None:
    """Runs inside Django: render ``count`` lot labels, then ``count`` serial labels."""
    from qr.labels import LabelData, render_label_sheet

    for serial in (False, True):
        base = f"http://127.0.0.1/01/0{GTIN}/10/{LOT}"
        labels = (
            LabelData(
                url=base + (f"/21/S{index:019d}" if serial else ""),
                product_name="Mắm tép chưng thịt Hoằng Hóa",
                lot=LOT,
                produced="02/11/2026",
                best_before="09/11/2026",
                stars=4,
                serial=f"S{index:019d}" if serial else "",
            )
            for index in range(count)
        )
        started = time.perf_counter()
        pdf = render_label_sheet(labels, columns=3, rows=8)
        elapsed = time.perf_counter() - started
        kind = "per-unit serial labels" if serial else "lot labels (one QR)"
        print(
            f"{kind:24} {count:>6} labels {elapsed:7.1f} s {count / elapsed:7.0f} labels/s"
            f" {len(pdf) / 1e6:6.1f} MB"
        )


async def _worker(port: int, path: str, deadline: float, latencies: list[float]) -> int:
    reader, writer = await asyncio.open_connection(HOST, port)
    request = f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nUser-Agent: bench\r\n\r\n".encode()
    errors = 0
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        writer.write(request)
        status_line = await reader.readline()
        if not status_line:  # the server closed the connection: count it and reconnect
            errors += 1
            writer.close()
            reader, writer = await asyncio.open_connection(HOST, port)
            continue
        length = 0
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b""):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        await reader.readexactly(length)
        if not status_line.startswith(b"HTTP/1.1 200"):
            errors += 1
        latencies.append(time.perf_counter() - started)
    writer.close()
    return errors


async def load(
    port: int, path: str, seconds: float, concurrency: int
) -> tuple[float, float, float, int]:
    latencies: list[float] = []
    started = time.perf_counter()
    deadline = started + seconds
    errors = await asyncio.gather(
        *(_worker(port, path, deadline, latencies) for _ in range(concurrency))
    )
    elapsed = time.perf_counter() - started
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return len(latencies) / elapsed, statistics.median(latencies), p99, sum(errors)


def main() -> None:
    if sys.argv[1:2] == ["--in-django"]:
        _django()
        if sys.argv[2] == "prepare":
            _prepare_data()
        else:
            _label_throughput(int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=None, help="default: production's")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--labels", type=int, default=2000)
    args = parser.parse_args()
    if not 1 <= args.seconds <= 120 or not 1 <= args.concurrency <= 256 or args.labels > 20000:
        parser.error("bounded: 1-120 s, concurrency 1-256, at most 20,000 labels")
    database_url, redis_url = os.environ.get("DATABASE_URL"), os.environ.get("REDIS_URL")
    if not database_url or not redis_url:
        parser.error("set DATABASE_URL and REDIS_URL (a Redis DB number of its own: it is flushed)")
    with tempfile.TemporaryDirectory(prefix="ocop-bench-") as folder:
        var_dir = Path(folder)
        env = environment(var_dir, args.port)
        ensure_database(database_url)
        lot_path, serial_path = prepare(env)
        static_root = var_dir / "static"
        static_root.mkdir(parents=True, exist_ok=True)
        server = subprocess.Popen(
            gunicorn_command(args.port, workers=args.workers, threads=args.threads),
            cwd=ROOT,
            env=env,
        )
        try:
            base = f"http://{HOST}:{args.port}"
            for _ in range(100):
                try:
                    page = urllib.request.urlopen(base + lot_path, timeout=2).read()
                    break
                except OSError:
                    time.sleep(0.2)
            else:
                raise SystemExit("server did not start")
            # Same size as the page, written before the restart below so whitenoise sees it.
            (static_root / "bench-trace.html").write_bytes(b"x" * len(page))
            server.send_signal(signal.SIGHUP)  # reload workers: whitenoise indexes at start
            time.sleep(3)
            rows = []
            for name, path in (
                ("static file", "/static/bench-trace.html"),
                ("django floor /healthz", "/healthz"),
                ("trace page (lot)", lot_path),
                ("trace page (serial)", serial_path),
            ):
                asyncio.run(load(args.port, path, 1.5, args.concurrency))  # warm-up
                rows.append(
                    (name, *asyncio.run(load(args.port, path, args.seconds, args.concurrency)))
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
            import redis

            redis.Redis.from_url(redis_url).flushdb()
        print(
            f"\nconcurrency {args.concurrency}, {args.seconds:.0f} s each, page {len(page)} bytes,"
            f" gunicorn {args.workers} workers x {args.threads or 'production'} threads"
        )
        print(f"{'':22} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
        for name, rate, p50, p99, errors in rows:
            print(f"{name:22} {rate:8.0f} {p50 * 1000:8.1f} {p99 * 1000:8.1f} {errors:7d}")
        static_rate = rows[0][1]
        for name, rate, *_ in rows[2:]:
            print(f"{name} / static: {rate / static_rate:.0%}")
        print()
        subprocess.run(
            [sys.executable, __file__, "--in-django", "labels", str(args.labels)],
            cwd=ROOT,
            env=env,
            check=True,
        )


if __name__ == "__main__":
    main()
