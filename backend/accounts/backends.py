"""Session sign-in (admin, server-rendered pages) through the same service as the API."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from backend.accounts import services, throttling
from backend.accounts.models import User


class AccountBackend(ModelBackend):
    """Email + password with the API's rules: throttling, confirmation, active accounts."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        email = kwargs.get("email") or username
        if not email or password is None:
            return None
        try:
            return services.user_authenticate(
                email=email, password=password, ip=throttling.client_ip(request)
            )
        except ValidationError:
            return None
