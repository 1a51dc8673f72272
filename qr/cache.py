"""Versioned server-side cache of trace pages.

Every cached trace page's key carries one global version number; anything that changes
what a trace page shows (batch, trace event, product, variant, media, producer,
certificate) bumps it after commit, so stale pages are never served again and simply
age out. One global counter instead of per-product ones: catalogue writes are rare next
to scans, and a bump only costs the next view of each page one render.

Each process reuses the version it read for up to ``LOCAL_TTL`` seconds, so a page view
usually needs no cache round trip at all: a change shows at once in the process that made
it and within ``LOCAL_TTL`` everywhere else.
"""

from __future__ import annotations

import time

from django.db import transaction

from backend.core.cache_versions import cache_version, cache_version_bump

VERSION_KEY = "qr:trace:version"
LOCAL_TTL = 1.0

_shared: dict[str, tuple[int, float]] = {}


def trace_version() -> int:
    """The current version (``backend.core.cache_versions``), reused for ``LOCAL_TTL``."""
    now = time.monotonic()
    known = _shared.get(VERSION_KEY)
    if known is not None and now - known[1] < LOCAL_TTL:
        return known[0]
    version = cache_version(VERSION_KEY)
    _shared[VERSION_KEY] = (version, now)
    return version


def trace_version_bump() -> None:
    """Invalidate every cached trace page once the current transaction commits."""
    transaction.on_commit(_bump)


def reset_local() -> None:
    """Forget the version this process remembers (tests that clear the cache call it)."""
    _shared.clear()


def _bump() -> None:
    cache_version_bump(VERSION_KEY)
    reset_local()


def trace_page_key(*, version: int, language: str, gtin: str, lot: str) -> str:
    return f"qr:trace:{version}:{language}:{gtin}:{lot}"
