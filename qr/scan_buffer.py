"""Write-behind buffer for scans: the trace page pays one Redis RPUSH, a Celery beat task
records the scans in bulk.

Why not one Celery message per scan: publishing through kombu costs the page about 1 ms
of CPU (message, headers, serialisation) and every trace view is a scan, which halves the
page's throughput; an RPUSH of a small JSON document costs a tenth of that. Without
``QR_SCAN_BUFFER_URL`` (the demo without Redis, the test suite) each scan is instead queued
as a task after commit, which then runs eagerly.

Draining reads a slice, records it (``scan_record`` is idempotent on the scan token),
then trims it; a lock keeps two drains from trimming each other's slice, and a drain that
dies before trimming only causes a harmless second recording attempt.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from typing import Any

import redis
from django.conf import settings
from django.db import transaction

from qr import services, tasks

KEY = "qr:scans"
LOCK_KEY = "qr:scans:drain-lock"
_clients: dict[str, redis.Redis] = {}
_clients_lock = threading.Lock()


def _client() -> redis.Redis:
    url = settings.QR_SCAN_BUFFER_URL
    with _clients_lock:
        if url not in _clients:
            _clients[url] = redis.Redis.from_url(url, socket_timeout=1.0)
        return _clients[url]


def scan_push(
    *, token: str, batch_id: int, serial: str, user_agent: str, scanned_at: dt.datetime
) -> None:
    """Queue one scan for recording. Never raises for a broker or Redis outage: losing a
    scan is better than failing the page a shopper is looking at."""
    payload: dict[str, Any] = {
        "token": token,
        "batch_id": batch_id,
        "serial": serial,
        "user_agent": user_agent[:255],
        "scanned_at": scanned_at.isoformat(),
    }
    if settings.QR_SCAN_BUFFER_URL:
        try:
            _client().rpush(KEY, json.dumps(payload))
        except redis.RedisError:
            services.logger.exception("Could not buffer the scan of batch %s", batch_id)
        return

    def send() -> None:
        try:
            tasks.record_scan_task.delay(**payload)
        except Exception:
            services.logger.exception("Could not queue the scan of batch %s", batch_id)

    transaction.on_commit(send)


def scans_drain(*, limit: int = 2000) -> int:
    """Record up to ``limit`` buffered scans; return how many were taken off the buffer."""
    if not settings.QR_SCAN_BUFFER_URL:
        return 0
    client = _client()
    if not client.set(LOCK_KEY, "1", nx=True, ex=120):
        return 0
    try:
        raw_items = client.lrange(KEY, 0, limit - 1)
        for raw in raw_items:  # type: ignore[union-attr]
            item = json.loads(raw)
            services.scan_record(
                token=item["token"],
                batch_id=item["batch_id"],
                serial=item["serial"],
                user_agent=item["user_agent"],
                scanned_at=dt.datetime.fromisoformat(item["scanned_at"]),
            )
        count = len(raw_items)  # type: ignore[arg-type]
        if count:
            client.ltrim(KEY, count, -1)
        return count
    finally:
        client.delete(LOCK_KEY)
