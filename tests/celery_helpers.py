"""Helpers for tests that point the Celery app at another broker for a while."""

from __future__ import annotations

import os
import socket
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
    """The Redis to use for worker tests, on database ``db``.

    REDIS_URL when set (CI), else the usual local Redis. Fails (never skips) with a clear
    message when neither answers: these tests prove the reliability claims.
    """
    base = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    parts = urlsplit(base)
    url = urlunsplit((parts.scheme, parts.netloc, f"/{db}", "", ""))
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), 2):
            pass
    except OSError as exc:
        pytest.fail(
            f"This test needs Redis at {url} (set REDIS_URL, or start redis-server on "
            f"127.0.0.1:6379): {exc}"
        )
    return url
