"""JSON Web Tokens as Saleor issues them, so Saleor's clients work unchanged.

Access tokens live ``JWT_TTL_ACCESS_SECONDS`` (5 min), refresh tokens
``JWT_TTL_REFRESH_SECONDS`` (30 days); both are RS256-signed with ``RSA_PRIVATE_KEY``.
Claims: ``iat exp iss token email type user_id is_staff`` (Saleor) plus ``roles`` (ours);
refresh tokens also carry ``csrfToken``. ``token`` is the user's ``jwt_token_key``:
rotating it (password change, ``tokensDeactivateAll``) revokes every token at once.

Decoding raises PyJWT's exceptions (``ExpiredSignatureError``, ``InvalidTokenError``...);
the API reports their class names as Saleor does.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
from collections.abc import Collection
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.crypto import constant_time_compare, get_random_string
from django.utils.translation import gettext_lazy as _

from backend.accounts.error_codes import AccountErrorCode
from backend.accounts.models import User

ACCESS = "access"
REFRESH = "refresh"
ALGORITHM = "RS256"
INVALID_TOKEN_MESSAGE = "Invalid token. Create new one by using tokenCreate mutation."  # noqa: S105


def _development_key_pem() -> bytes:
    """Read, or create once, the development key in var/ (atomically: workers may race)."""
    path = settings.RSA_DEVELOPMENT_KEY_PATH
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_bytes(pem)
        tmp.chmod(0o600)
        try:
            os.link(tmp, path)  # fails if another process won the race: use its key
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return cast(bytes, path.read_bytes())


def load_private_key(pem: str | bytes) -> rsa.RSAPrivateKey:
    """Parse a PEM RSA private key; raises ValueError/TypeError for anything else."""
    key = serialization.load_pem_private_key(
        pem.encode() if isinstance(pem, str) else pem, password=None
    )
    if not isinstance(key, rsa.RSAPrivateKey):
        raise TypeError("RSA_PRIVATE_KEY is not an RSA key.")
    return key


@functools.cache
def private_key() -> rsa.RSAPrivateKey:
    if settings.RSA_PRIVATE_KEY:
        return load_private_key(settings.RSA_PRIVATE_KEY)
    if settings.PRODUCTION:  # DEBUG at start-up (tests switch settings.DEBUG off later)
        raise ImproperlyConfigured("RSA_PRIVATE_KEY must be set in production.")
    return load_private_key(_development_key_pem())


@functools.cache
def key_id() -> str:
    """A stable ``kid``: a short digest of the public key, so rotating keys changes it."""
    der = (
        private_key()
        .public_key()
        .public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    return base64.urlsafe_b64encode(hashlib.sha256(der).digest()[:12]).decode().rstrip("=")


def jwks() -> dict[str, Any]:
    """The public key set served at ``/.well-known/jwks.json``."""
    jwk = cast(
        dict[str, Any], jwt.algorithms.RSAAlgorithm.to_jwk(private_key().public_key(), as_dict=True)
    )
    jwk.update({"use": "sig", "alg": ALGORITHM, "kid": key_id()})
    return {"keys": [jwk]}


def global_user_id(user: User) -> str:
    """Relay global ID ``base64("User:<pk>")``, as Saleor puts it in ``user_id``."""
    return base64.b64encode(f"User:{user.pk}".encode()).decode()


def new_csrf_token() -> str:
    return get_random_string(64)


def csrf_tokens_match(given: str, expected: str) -> bool:
    return bool(given) and constant_time_compare(given, expected)


def _user_payload(
    user: User, token_type: str, *, issuer: str, ttl_seconds: int, now: datetime | None
) -> dict[str, Any]:
    issued = now or datetime.now(tz=UTC)
    return {
        "iat": issued,
        "exp": issued + timedelta(seconds=ttl_seconds),
        "iss": issuer,
        "token": user.jwt_token_key,
        "email": user.email,
        "type": token_type,
        "user_id": global_user_id(user),
        "is_staff": user.is_staff,
        "roles": user.role_names(),
    }


def _encode(payload: dict[str, Any]) -> str:
    return jwt.encode(payload, private_key(), algorithm=ALGORITHM, headers={"kid": key_id()})


def create_access_token(user: User, *, issuer: str, now: datetime | None = None) -> str:
    """A 5-minute access token. ``now`` lets callers (and tests) set ``iat``."""
    payload = _user_payload(
        user, ACCESS, issuer=issuer, ttl_seconds=settings.JWT_TTL_ACCESS_SECONDS, now=now
    )
    return _encode(payload)


def create_refresh_token(
    user: User, *, issuer: str, csrf_token: str, now: datetime | None = None
) -> str:
    """A 30-day refresh token bound to ``csrf_token`` (checked when sent by cookie)."""
    payload = _user_payload(
        user, REFRESH, issuer=issuer, ttl_seconds=settings.JWT_TTL_REFRESH_SECONDS, now=now
    )
    payload["csrfToken"] = csrf_token
    return _encode(payload)


def decode(token: str, *, issuers: Collection[str]) -> dict[str, Any]:
    """Verify signature, expiry and issuer; raises a ``jwt.PyJWTError`` subclass."""
    return cast(
        dict[str, Any],
        jwt.decode(
            token,
            private_key().public_key(),
            algorithms=[ALGORITHM],
            issuer=list(issuers),
            options={"require": ["exp", "iat", "iss", "token", "type", "user_id", "email"]},
        ),
    )


def user_from_payload(payload: dict[str, Any], *, token_type: str | None) -> User:
    """The active user the payload names, if its ``token`` key is still current.

    Raises ``jwt.InvalidTokenError`` for the wrong token type, a deleted or inactive user
    or a revoked token (Saleor's behaviour and message).
    """
    allowed = {token_type} if token_type else {ACCESS, REFRESH}
    if payload.get("type") not in allowed:
        raise jwt.InvalidTokenError(INVALID_TOKEN_MESSAGE)
    try:
        type_name, pk = base64.b64decode(str(payload["user_id"])).decode().split(":", 1)
    except (ValueError, UnicodeDecodeError) as exc:
        raise jwt.InvalidTokenError(INVALID_TOKEN_MESSAGE) from exc
    if type_name != "User" or not pk.isdigit():
        raise jwt.InvalidTokenError(INVALID_TOKEN_MESSAGE)
    user = (
        User.objects.select_related("default_shipping_address", "default_billing_address")
        .filter(pk=int(pk), is_active=True)
        .first()
    )
    if user is None or not constant_time_compare(user.jwt_token_key, str(payload["token"])):
        raise jwt.InvalidTokenError(INVALID_TOKEN_MESSAGE)
    return user


def verify(
    token: str, *, issuers: Collection[str], field: str, token_type: str | None = None
) -> tuple[dict[str, Any], User]:
    """Payload and user of a token given as a mutation argument (Saleor's codes).

    Raises ValidationError on ``field``: JWT_SIGNATURE_EXPIRED, JWT_DECODE_ERROR (not a
    token, or a forged signature) or JWT_INVALID_TOKEN (wrong issuer, type or user, revoked).
    """
    try:
        payload = decode(token, issuers=issuers)
    except jwt.ExpiredSignatureError as exc:
        message, code = _("Token đã hết hạn."), AccountErrorCode.JWT_SIGNATURE_EXPIRED
        raise ValidationError({field: ValidationError(message, code=code.value)}) from exc
    except jwt.DecodeError as exc:
        message, code = _("Không giải mã được token."), AccountErrorCode.JWT_DECODE_ERROR
        raise ValidationError({field: ValidationError(message, code=code.value)}) from exc
    except jwt.PyJWTError as exc:
        message, code = _("Token không hợp lệ."), AccountErrorCode.JWT_INVALID_TOKEN
        raise ValidationError({field: ValidationError(message, code=code.value)}) from exc
    try:
        return payload, user_from_payload(payload, token_type=token_type)
    except jwt.PyJWTError as exc:
        message, code = _("Token không hợp lệ."), AccountErrorCode.JWT_INVALID_TOKEN
        raise ValidationError({field: ValidationError(message, code=code.value)}) from exc
