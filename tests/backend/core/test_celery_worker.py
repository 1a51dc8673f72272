"""A task's round trip through a real Celery worker and a real broker.

In CI the broker is the machine's Redis (REDIS_URL). Without Redis (a laptop running
`make test`), the same round trip runs over kombu's filesystem transport, which also
crosses threads through a real broker protocol; only CI must prove Redis itself.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker

from backend.config.celery import app
from backend.core.tasks import ping


@pytest.fixture
def real_broker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    redis_url = os.environ.get("REDIS_URL")
    if os.environ.get("CI") == "true":
        assert redis_url, "CI must provide REDIS_URL for the worker round trip"
    saved = {key: app.conf.get(key) for key in _KEYS}
    queue = f"test-{uuid.uuid4().hex}"
    if redis_url:
        app.conf.update(broker_url=redis_url, result_backend=redis_url)
        kind = "redis"
    else:
        folder = tmp_path / "broker"
        folder.mkdir()
        monkeypatch.chdir(tmp_path)  # kombu writes some exchange tables relative to the cwd
        app.conf.update(
            broker_url="filesystem://",
            broker_transport_options={
                "data_folder_in": str(folder),
                "data_folder_out": str(folder),
            },
            result_backend=f"file://{tmp_path}",
        )
        kind = "filesystem"
    app.conf.update(task_always_eager=False, task_default_queue=queue)
    _reset_connections()
    try:
        yield kind
    finally:
        app.conf.update(saved)
        _reset_connections()


def _reset_connections() -> None:
    """Drop pooled broker connections so the next send uses the current broker_url."""
    if app._pool is not None:
        app._pool.force_close_all()
        app._pool = None
    app.amqp._producer_pool = None
    # Eager tasks run earlier in this process cache the (disabled) result backend.
    app._local.__dict__.pop("backend", None)


_KEYS = (
    "broker_url",
    "result_backend",
    "broker_transport_options",
    "task_always_eager",
    "task_default_queue",
)


@pytest.mark.worker
def test_task_round_trip_through_a_real_worker(real_broker):
    # given
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        # when
        result = ping.delay("xin chào")

        # then
        assert result.get(timeout=20) == "pong:xin chào"
    if os.environ.get("CI") == "true":
        assert real_broker == "redis"
