"""One HTTP POST of a webhook event, in Saleor's wire format.

Headers: ``Saleor-Event`` (lower-case event type), ``Saleor-Domain``, ``Saleor-Api-Url`` and
``Saleor-Signature`` (hex HMAC-SHA256 of the exact body bytes with the webhook's secret).

Only addresses ``targets.resolve_target`` allows are connected to: the check runs inside
the connection, on the very addresses the socket is opened to, so a DNS answer that changed
since the webhook was saved (DNS rebinding) cannot reach the internal network. The Host
header, TLS SNI and certificate check still use the URL's host name. Redirects are never
followed, and environment proxies are ignored (a proxy would resolve the name itself).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError

from backend.webhooks.targets import UnsafeTargetError, resolve_target, target_url_parts

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
        target_url_parts(target_url)
        with _guarded_session() as session:
            response = session.post(
                target_url,
                data=body,
                headers=headers,
                timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
                allow_redirects=False,
            )
    except UnsafeTargetError as exc:
        # Final: retrying cannot make an internal address acceptable.
        with translation.override("en"):
            reason = " ".join(exc.messages)
        return _no_response(started, retryable=False, error=f"Target refused: {reason}")
    except requests.RequestException as exc:
        return _no_response(started, retryable=True, error=f"{type(exc).__name__}: {exc}")
    success = 200 <= response.status_code < 300
    return AttemptResult(
        success=success,
        retryable=not success and is_retryable_status(response.status_code),
        status_code=response.status_code,
        duration_ms=_elapsed_ms(started),
        response_excerpt=response.text[:RESPONSE_EXCERPT_CHARS],
        error="" if success else f"HTTP {response.status_code}",
    )


def _no_response(started: float, *, retryable: bool, error: str) -> AttemptResult:
    return AttemptResult(
        success=False,
        retryable=retryable,
        status_code=None,
        duration_ms=_elapsed_ms(started),
        response_excerpt="",
        error=error[:RESPONSE_EXCERPT_CHARS],
    )


def _connect_checked(conn: HTTPConnection, connect: Callable[[], socket.socket]) -> socket.socket:
    """Open ``conn``'s socket to the first reachable address of its host, all checked first.

    urllib3 connects to ``_dns_host`` while ``host`` (Host header, SNI) comes from the same
    attribute, so it points at the checked address only for the duration of the connect.
    """
    hostname = conn._dns_host
    try:
        addresses = resolve_target(hostname, conn.port)
    except socket.gaierror as exc:
        raise NameResolutionError(hostname, conn, exc) from exc
    last_error: Exception | None = None
    for address in addresses:
        conn._dns_host = address
        try:
            return connect()
        except (NewConnectionError, ConnectTimeoutError) as exc:
            last_error = exc
        finally:
            conn._dns_host = hostname
    assert last_error is not None  # resolve_target never returns an empty list
    raise last_error


class _CheckedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        return _connect_checked(self, super()._new_conn)


class _CheckedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        return _connect_checked(self, super()._new_conn)


class _CheckedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = _CheckedHTTPConnection


class _CheckedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = _CheckedHTTPSConnection


class _CheckedAdapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _CheckedHTTPConnectionPool,
            "https": _CheckedHTTPSConnectionPool,
        }


def _guarded_session() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # no HTTP(S)_PROXY: the proxy, not us, would pick the address
    session.mount("http://", _CheckedAdapter())
    session.mount("https://", _CheckedAdapter())
    return session


def _elapsed_ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
