"""One HTTP POST of a webhook event, in Saleor's wire format.

Headers: ``Saleor-Event`` (lower-case event type), ``Saleor-Domain``, ``Saleor-Api-Url`` and
``Saleor-Signature`` (hex HMAC-SHA256 of the exact body bytes with the webhook's secret).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder

RESPONSE_EXCERPT_CHARS = 1000


@dataclass(frozen=True)
class AttemptResult:
    success: bool
    retryable: bool
    status_code: int | None
    duration_ms: int
    response_excerpt: str
    error: str


def encode_payload(payload: Any) -> bytes:
    """The exact body bytes sent (and signed): compact UTF-8 JSON."""
    return json.dumps(
        payload, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def sign(body: bytes, secret_key: str) -> str:
    return hmac.new(secret_key.encode("utf-8"), body, hashlib.sha256).hexdigest()


def saleor_headers(*, event_type: str, body: bytes, secret_key: str) -> dict[str, str]:
    public_url = settings.PUBLIC_URL
    return {
        "Content-Type": "application/json",
        "Saleor-Event": event_type,
        "Saleor-Domain": urlsplit(public_url).netloc,
        "Saleor-Api-Url": f"{public_url}/graphql/",
        "Saleor-Signature": sign(body, secret_key),
    }


def is_retryable_status(status_code: int) -> bool:
    # Like Saleor: redirects and client errors are final, except "try again later" ones.
    return status_code >= 500 or status_code in {408, 425, 429}


def post_event(*, target_url: str, event_type: str, payload: Any, secret_key: str) -> AttemptResult:
    """POST once; never raises for network or HTTP failures (they are part of the result)."""
    body = encode_payload(payload)
    headers = saleor_headers(event_type=event_type, body=body, secret_key=secret_key)
    started = time.monotonic()
    try:
        response = requests.post(
            target_url,
            data=body,
            headers=headers,
            timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
            allow_redirects=False,
        )
    except requests.RequestException as exc:
        return AttemptResult(
            success=False,
            retryable=True,
            status_code=None,
            duration_ms=_elapsed_ms(started),
            response_excerpt="",
            error=f"{type(exc).__name__}: {exc}"[:RESPONSE_EXCERPT_CHARS],
        )
    success = 200 <= response.status_code < 300
    return AttemptResult(
        success=success,
        retryable=not success and is_retryable_status(response.status_code),
        status_code=response.status_code,
        duration_ms=_elapsed_ms(started),
        response_excerpt=response.text[:RESPONSE_EXCERPT_CHARS],
        error="" if success else f"HTTP {response.status_code}",
    )


def _elapsed_ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
