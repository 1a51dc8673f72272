"""Fixed-window rate limits in the shared cache (Redis in production), per client key.

Callers build the key (``"graphql:ip:1.2.3.4"``, ``"sign-in:email:..."``) and decide what a
refusal looks like; this module only counts.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class RateLimit:
    limit: int
    window_seconds: int

    @classmethod
    def parse(cls, text: str) -> RateLimit:
        """``"300/60"`` means 300 requests per 60 seconds; raises ValueError otherwise."""
        limit, _, window = text.partition("/")
        parsed = cls(int(limit), int(window or 60))
        if parsed.limit < 1 or parsed.window_seconds < 1:
            raise ValueError(text)
        return parsed


@dataclass(frozen=True)
class RateLimitResult:
    allowed: bool
    retry_after_seconds: int


def rate_limit_hit(key: str, rule: RateLimit) -> RateLimitResult:
    """Count one hit for ``key`` in the current window; refused once over the limit."""
    now = time.time()
    window = int(now // rule.window_seconds)
    cache_key = f"ratelimit:{key}:{window}"
    cache.add(cache_key, 0, timeout=rule.window_seconds + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr: this hit opens a new window
        cache.set(cache_key, 1, timeout=rule.window_seconds + 1)
        count = 1
    retry_after = int((window + 1) * rule.window_seconds - now) + 1
    return RateLimitResult(allowed=count <= rule.limit, retry_after_seconds=retry_after)


def client_ip(meta: dict[str, str], *, trusted_proxy_count: int) -> str:
    """The client's address: REMOTE_ADDR, or the entry our own proxies appended to
    X-Forwarded-For (never a client-supplied one)."""
    forwarded = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if trusted_proxy_count and len(forwarded) >= trusted_proxy_count:
        return forwarded[-trusted_proxy_count]
    return meta.get("REMOTE_ADDR", "unknown")
