"""Helpers for tests that point the Celery app at another broker for a while."""

from __future__ import annotations

from celery import Celery


def reset_celery_connections(app: Celery) -> None:
    """Drop pooled broker connections, queues and the cached result backend, so the next
    send and ``result.get`` use the current ``broker_url``, queue and ``result_backend``.
    """
    if app._pool is not None:
        app._pool.force_close_all()
        app._pool = None
    app.amqp._producer_pool = None
    # Queues and routes are cached with the task_default_queue of their first use.
    app.__dict__.pop("amqp", None)
    app._backend_cache = None
    app._local.__dict__.pop("backend", None)
