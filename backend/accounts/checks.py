"""System check: a configured RSA_PRIVATE_KEY must be a usable PEM RSA private key."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register

from backend.accounts.jwt_tokens import load_private_key


@register()
def check_rsa_private_key(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    if not settings.RSA_PRIVATE_KEY:
        return []  # missing in production is reported by backend.config.env (ocop.E...)
    try:
        load_private_key(settings.RSA_PRIVATE_KEY)
    except (ValueError, TypeError) as exc:
        return [
            Error(
                f"RSA_PRIVATE_KEY cannot be loaded: {exc}",
                hint="Set RSA_PRIVATE_KEY to an unencrypted PEM RSA private key "
                "(openssl genrsa 2048).",
                id="accounts.E001",
                obj="RSA_PRIVATE_KEY",
            )
        ]
    return []
