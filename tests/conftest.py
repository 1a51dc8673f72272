"""Shared fixtures: API clients in Saleor's style (``api_client.post_graphql``)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

API_PATH = "/graphql/"


class ApiClient(Client):
    """A Django test client that speaks GraphQL, optionally as a signed-in user."""

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.token: str | None = None

    def post_graphql(
        self, query: str, variables: dict[str, Any] | None = None, **extra: Any
    ) -> Any:
        body: dict[str, Any] = {"query": query}
        if variables is not None:
            body["variables"] = variables
        headers = dict(extra)
        if self.token:
            headers.setdefault("HTTP_AUTHORIZATION", f"Bearer {self.token}")
        return self.post(API_PATH, json.dumps(body), content_type="application/json", **headers)

    def force_login(self, user: Any, backend: str | None = None) -> None:
        """Sign in on both surfaces: the session for server-rendered pages, and a real
        access token for GraphQL (which ignores cookies, being CSRF-exempt)."""
        from backend.accounts.jwt_tokens import create_access_token

        super().force_login(user, backend)
        self.user = user
        self.token = create_access_token(user, issuer=API_ISSUER)

    def logout(self) -> None:
        super().logout()
        self.user = None
        self.token = None


def content(response: Any) -> dict[str, Any]:
    """The JSON body of a GraphQL response; fails the test on top-level errors."""
    data = json.loads(response.content)
    assert "errors" not in data, data["errors"]
    return data


@pytest.fixture
def api_client() -> ApiClient:
    return ApiClient()


@pytest.fixture
def client() -> ApiClient:
    """pytest-django's ``client``, able to post GraphQL as whoever it signed in."""
    return ApiClient()


# --- accounts: signed-in clients (tokens from the real token service) ---------------------

USER_PASSWORD = "ocop-Pass-2026"  # valid under Django's password validators
API_ISSUER = "http://testserver/graphql/"  # what the test client's requests build


@pytest.fixture
def user(db: Any) -> Any:
    """A confirmed shopper."""
    from django.contrib.auth.models import Group

    from backend.accounts.models import User
    from backend.accounts.roles import Role

    shopper = User.objects.create_user(
        "lan.nguyen@example.com", USER_PASSWORD, first_name="Lan", last_name="Nguyễn"
    )
    shopper.groups.add(Group.objects.get(name=Role.SHOPPER))
    return shopper


@pytest.fixture
def staff_user(db: Any) -> Any:
    """Platform staff (not a superuser)."""
    from django.contrib.auth.models import Group

    from backend.accounts.models import User
    from backend.accounts.roles import Role

    staff = User.objects.create_user(
        "staff@ocop.example", USER_PASSWORD, first_name="Minh", last_name="Trần", is_staff=True
    )
    staff.groups.add(Group.objects.get(name=Role.PLATFORM_STAFF))
    return staff


def _signed_in_client(account: Any) -> ApiClient:
    from backend.accounts.jwt_tokens import create_access_token

    client = ApiClient(user=account)
    client.token = create_access_token(account, issuer=API_ISSUER)
    return client


@pytest.fixture
def user_api_client(user: Any) -> ApiClient:
    return _signed_in_client(user)


@pytest.fixture
def staff_api_client(staff_user: Any) -> ApiClient:
    return _signed_in_client(staff_user)
