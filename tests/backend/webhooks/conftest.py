"""A real HTTP receiver on 127.0.0.1 for webhook deliveries, started per test."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from backend.config.celery import app as celery_app
from backend.webhooks.event_types import WebhookEventType
from backend.webhooks.models import Webhook
from tests.celery_helpers import reset_celery_connections


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    url: str
    requests: list[Received] = field(default_factory=list)
    # Status codes to answer with, in order; the last one repeats.
    statuses: list[int] = field(default_factory=lambda: [200])
    # Extra response headers (e.g. a redirect's Location).
    response_headers: dict[str, str] = field(default_factory=dict)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            state.requests.append(Received(dict(self.headers.items()), body))
            status = state.statuses[min(len(state.requests), len(state.statuses)) - 1]
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            for name, value in state.response_headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(f"answer {status}".encode())

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/ocop"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def webhook(receiver: Receiver) -> Webhook:
    return Webhook.objects.create(
        name="ERP hợp tác xã",
        target_url=receiver.url,
        secret_key="bí-mật-hmac",
        events=[WebhookEventType.ORDER_CREATED, WebhookEventType.OCOP_CERTIFICATE_ISSUED],
    )


@pytest.fixture
def broker_down() -> Iterator[None]:
    """A broker nobody listens on (port 1), with tasks really sent instead of run eagerly."""
    saved = {key: celery_app.conf.get(key) for key in ("broker_url", "task_always_eager")}
    celery_app.conf.update(broker_url="redis://127.0.0.1:1/2", task_always_eager=False)
    reset_celery_connections(celery_app)
    try:
        yield
    finally:
        celery_app.conf.update(saved)
        reset_celery_connections(celery_app)
