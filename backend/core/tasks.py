"""Core tasks. ``ping`` is the smallest round trip through a worker (health and tests)."""

from celery import shared_task


@shared_task(name="core.ping", acks_late=True)
def ping(value: str) -> str:
    return f"pong:{value}"
