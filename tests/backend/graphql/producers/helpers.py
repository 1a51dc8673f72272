from __future__ import annotations

import json
from typing import Any

from graphql_relay import to_global_id

from tests.conftest import API_PATH, ApiClient


def producer_id(producer: Any) -> str:
    return to_global_id("Producer", producer.pk)


def outcome(response: Any, mutation: str) -> str:
    """'ok', 'denied' (top-level PermissionDenied) or the first error code, lower-cased."""
    data = json.loads(response.content)
    if data.get("errors"):
        assert data["errors"][0].get("extensions", {}).get("exception", {}).get("code") == (
            "PermissionDenied"
        ), data["errors"]
        return "denied"
    errors = data["data"][mutation]["errors"]
    return errors[0]["code"].lower() if errors else "ok"


def post_multipart(
    client: ApiClient, query: str, variables: dict[str, Any], files: dict[str, Any]
) -> Any:
    """A GraphQL multipart request: each file replaces the variable at its dotted path."""
    names = {str(index): path for index, path in enumerate(files)}
    body = {
        "operations": json.dumps({"query": query, "variables": variables}),
        "map": json.dumps({name: [path] for name, path in names.items()}),
        **{name: files[path] for name, path in names.items()},
    }
    headers = {"HTTP_AUTHORIZATION": f"Bearer {client.token}"} if client.token else {}
    return client.post(API_PATH, body, **headers)
