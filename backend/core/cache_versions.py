"""Version counters in the shared cache: entries keyed by a counter's value are retired at
once by bumping it.

A counter starts from the clock (nanoseconds), so one that was evicted restarts above every
value it ever had and entries keyed by an old value are never served again.
"""

from __future__ import annotations

import time

from django.core.cache import cache


def cache_version(key: str) -> int:
    version = cache.get(key)
    if version is None:
        cache.add(key, time.time_ns(), timeout=None)
        version = cache.get(key) or time.time_ns()
    return int(version)


def cache_version_bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # missing key: a fresh clock-based value is newer than any old one
        cache.set(key, time.time_ns(), timeout=None)
