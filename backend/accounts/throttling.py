"""Login throttling in Django's cache: N failures per email or per IP in a time window,
and per-IP request limits on the public account mutations (sign-in, register, reset).

Counters use a fixed window starting at the first failure (``cache.add`` then ``incr``),
so a blocked client waits at most ``LOGIN_THROTTLE_WINDOW_SECONDS``.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext

from backend.core.errors import DomainError
from backend.core.ratelimit import RateLimit, rate_limit_hit


def client_ip(request: HttpRequest | None) -> str:
    """The caller's IP; X-Forwarded-For is read only behind ``TRUSTED_PROXY_COUNT`` proxies
    (each appends one entry, so the client's is that many from the right)."""
    if request is None:
        return ""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [p for p in forwarded if p]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return str(request.META.get("REMOTE_ADDR", ""))


def _keys(email: str, ip: str) -> list[str]:
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]
    keys = [f"accounts:login-failures:email:{digest}"]
    if ip:
        keys.append(f"accounts:login-failures:ip:{ip}")
    return keys


def is_blocked(email: str, ip: str) -> bool:
    limit = settings.LOGIN_THROTTLE_FAILURES
    return any((cache.get(key) or 0) >= limit for key in _keys(email, ip))


def record_failure(email: str, ip: str) -> None:
    for key in _keys(email, ip):
        if not cache.add(key, 1, timeout=settings.LOGIN_THROTTLE_WINDOW_SECONDS):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=settings.LOGIN_THROTTLE_WINDOW_SECONDS)


def record_success(email: str) -> None:
    """Clear the email's counter; the IP's stays, so one good account cannot unblock an IP."""
    cache.delete(_keys(email, "")[0])


# Which limit each public account mutation counts against, and the code a refusal carries:
# Saleor's own where it has one (sign-in delays, a reset already requested).
CLIENT_LIMITS: dict[str, tuple[str, str]] = {
    "sign_in": ("SIGN_IN_RATE_LIMIT", "LOGIN_ATTEMPT_DELAYED"),
    "register": ("ACCOUNT_REGISTER_RATE_LIMIT", "TOO_MANY_REQUESTS"),
    "password_reset": ("PASSWORD_RESET_RATE_LIMIT", "PASSWORD_RESET_ALREADY_REQUESTED"),
}


def client_rate_limit_check(action: str, ip: str) -> None:
    """Count one ``action`` request from ``ip``; DomainError once over the configured limit."""
    setting, code = CLIENT_LIMITS[action]
    rule = getattr(settings, setting)
    if not rule or not ip:
        return
    result = rate_limit_hit(f"accounts:{action}:ip:{ip}", RateLimit.parse(rule))
    if not result.allowed:
        raise DomainError(
            code,
            gettext("Quá nhiều yêu cầu từ địa chỉ này; hãy thử lại sau %(seconds)s giây.")
            % {"seconds": result.retry_after_seconds},
            params={"retry_after_seconds": result.retry_after_seconds},
        )
