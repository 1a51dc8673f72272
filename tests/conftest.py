"""Shared fixtures: API clients in Saleor's style (``api_client.post_graphql``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

API_PATH = "/graphql/"


@pytest.fixture(autouse=True)
def _default_language_after_each_test() -> Iterator[None]:
    """LocaleMiddleware activates a request's language on the thread and leaves it active (a
    server activates again for its next request). Without this, a test that sent
    ``Accept-Language: en`` turned the following tests' messages English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Transactional tests end by flushing every table, which also removes the rows data
    migrations seeded (role groups, OCOP criteria, the category tree). Serialized rollback
    reloads those rows before each transactional test."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is None or not marker.kwargs.get("transaction"):
            continue
        if "serialized_rollback" not in marker.kwargs:
            kwargs = {**marker.kwargs, "serialized_rollback": True}
            item.add_marker(pytest.mark.django_db(*marker.args, **kwargs), append=False)


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


def counted_post(
    client: ApiClient, query: str, variables: dict[str, Any] | None = None
) -> tuple[int, dict[str, Any]]:
    """The number of SQL queries a GraphQL request made, and its ``data``."""
    with CaptureQueriesContext(connection) as queries:
        response = client.post_graphql(query, variables)
    return len(queries), content(response)["data"]


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
    shopper.groups.add(Group.objects.get_or_create(name=Role.SHOPPER)[0])
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
    staff.groups.add(Group.objects.get_or_create(name=Role.PLATFORM_STAFF)[0])
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


# --- Producers (issue 7): users in each role and two producers with their owners.

PRODUCER_PROFILE = {
    "legal_name": "Hợp tác xã Nem chua Đông Sơn",
    "name": "Nem chua Đông Sơn",
    "legal_form": "hop_tac_xa",
    "tax_code": "2801234567",
    "province_code": "38",
    "commune_code": "16378",
    "street_address": "Thôn Văn Khê",
    "phone": "+84912000001",
    "email": "htx@example.com",
    "description": "Nem chua truyền thống.",
}


def make_user(email: str, *, groups: tuple[str, ...] = (), **extra: Any) -> Any:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(email, "pass-1234-word", **extra)
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


@pytest.fixture
def shopper(db: Any) -> Any:
    return make_user("shopper@example.com", groups=("shopper",))


@pytest.fixture
def official(db: Any) -> Any:
    return make_user("official@example.com", groups=("official",))


@pytest.fixture
def member_a(db: Any) -> Any:
    return make_user("owner-a@example.com")


@pytest.fixture
def member_b(db: Any) -> Any:
    return make_user("owner-b@example.com")


@pytest.fixture
def producer_a(member_a: Any) -> Any:
    from producers.services import producer_create

    return producer_create(actor=member_a, data=dict(PRODUCER_PROFILE))


@pytest.fixture
def producer_b(member_b: Any) -> Any:
    from producers.services import producer_create

    data = {**PRODUCER_PROFILE, "name": "Mắm tép Hoằng Hóa", "tax_code": "2801234568"}
    return producer_create(actor=member_b, data=data)


@pytest.fixture
def actors(shopper: Any, official: Any, staff_user: Any, member_a: Any, member_b: Any) -> Any:
    """The authorization matrix's rows (style.md rule 9), by name; anonymous is None."""
    return {
        "anonymous": None,
        "shopper": shopper,
        "member_a": member_a,
        "member_b": member_b,
        "official": official,
        "staff": staff_user,
    }


def client_for(user: Any) -> ApiClient:
    client = ApiClient(user=user)
    if user is not None:
        client.force_login(user)
    return client


# A real S3-compatible server for media tests (session-scoped, started on first use).
from tests.s3_server import s3_server  # noqa: E402, F401
