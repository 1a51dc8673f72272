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


def content(response: Any) -> dict[str, Any]:
    """The JSON body of a GraphQL response; fails the test on top-level errors."""
    data = json.loads(response.content)
    assert "errors" not in data, data["errors"]
    return data


@pytest.fixture
def api_client() -> ApiClient:
    return ApiClient()


# A real S3-compatible server for media tests (session-scoped, started on first use).
from tests.s3_server import s3_server  # noqa: E402, F401
