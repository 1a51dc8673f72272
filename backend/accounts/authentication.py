"""Who is calling the API: the user named by the request's JWT, or anonymous.

The GraphQL view calls :func:`lazy_request_user` so a bad token fails only the fields
that look at the user (Saleor's behaviour), and never the cookie session: the endpoint is
CSRF-exempt, so it must not trust cookies.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from backend.accounts import jwt_tokens
from backend.accounts.models import User

AUTH_HEADER_PREFIXES = {"BEARER", "JWT"}


def token_from_request(request: HttpRequest) -> str | None:
    """The token of ``Authorization: Bearer <t>`` or ``Authorization: JWT <t>``."""
    parts = request.META.get("HTTP_AUTHORIZATION", "").split(maxsplit=1)
    if len(parts) == 2 and parts[0].upper() in AUTH_HEADER_PREFIXES:
        return parts[1].strip()
    return None


def api_issuer(request: HttpRequest) -> str:
    """The GraphQL endpoint's absolute URL as this client called it (trailing slash).

    Saleor's auth client sends the token only to an API whose URL equals ``iss``.
    """
    return request.build_absolute_uri(reverse("api"))


def accepted_issuers(request: HttpRequest) -> set[str]:
    """The request's own endpoint URL and the configured public one."""
    return {api_issuer(request), settings.PUBLIC_URL + reverse("api")}


def user_from_access_token(request: HttpRequest, token: str) -> User:
    """Raises a ``jwt.PyJWTError`` subclass for an expired, tampered, foreign or revoked token."""
    payload = jwt_tokens.decode(token, issuers=accepted_issuers(request))
    return jwt_tokens.user_from_payload(payload, token_type=jwt_tokens.ACCESS)


def lazy_request_user(request: HttpRequest) -> Any:
    """``request.user`` for the API: resolved (and token errors raised) on first use."""
    token = token_from_request(request)
    if not token:
        return AnonymousUser()
    return SimpleLazyObject(lambda: user_from_access_token(request, token))
