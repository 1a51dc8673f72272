"""Fixtures shared by the payment tests (imported by both conftest files)."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

BANK_SECRET = "bank-test-secret"
STRIPE_WEBHOOK_SECRET = "whsec_test_ocop"
STRIPE_SECRET_KEY = "sk_test_ocop"
VIETQR_SETTINGS = {
    "VIETQR_BANK_BIN": "970436",
    "VIETQR_ACCOUNT_NUMBER": "0123456789",
    "VIETQR_ACCOUNT_NAME": "CONG TY OCOP MARKET",
    "VIETQR_BANK_NAME": "Vietcombank",
}

_SERVER = (
    "import sys; from aiohttp import web; from localstripe.server import app; "
    "web.run_app(app, host='127.0.0.1', port=int(sys.argv[1]), print=None)"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def localstripe_url() -> Iterator[str]:
    """A localstripe server on 127.0.0.1 for this test session (no internet)."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", _SERVER, str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError("localstripe did not start")
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def payment_settings(settings: Any) -> Any:
    for name, value in VIETQR_SETTINGS.items():
        setattr(settings, name, value)
    settings.BANK_WEBHOOK_SECRET = BANK_SECRET
    settings.COD_MAX_ORDER_AMOUNT = 5_000_000
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_PUBLISHABLE_KEY = ""
    settings.STRIPE_WEBHOOK_SECRET = ""
    return settings


@pytest.fixture
def stripe_settings(payment_settings: Any, localstripe_url: str) -> Any:
    payment_settings.STRIPE_SECRET_KEY = STRIPE_SECRET_KEY
    payment_settings.STRIPE_PUBLISHABLE_KEY = "pk_test_ocop"
    payment_settings.STRIPE_WEBHOOK_SECRET = STRIPE_WEBHOOK_SECRET
    payment_settings.STRIPE_API_BASE = localstripe_url
    return payment_settings


def sign_bank_notice(body: bytes, secret: str = BANK_SECRET) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def post_notice(client: Any, payload: dict[str, Any], *, signature: str | None = None) -> Any:
    """POST a bank notice to the webhook, signed with the test secret unless told."""
    body = json.dumps(payload).encode()
    return client.post(
        "/payments/bank-notices/",
        body,
        content_type="application/json",
        HTTP_X_OCOP_SIGNATURE=signature if signature is not None else sign_bank_notice(body),
    )


def stripe_signature(payload: str, secret: str = STRIPE_WEBHOOK_SECRET) -> str:
    timestamp = int(time.time())
    digest = hmac.new(
        secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256
    ).hexdigest()
    return f"t={timestamp},v1={digest}"


def stripe_event(event_id: str, event_type: str, obj: dict[str, Any]) -> str:
    return json.dumps(
        {
            "id": event_id,
            "object": "event",
            "type": event_type,
            "api_version": "2024-06-20",
            "created": int(time.time()),
            "data": {"object": obj},
        }
    )
