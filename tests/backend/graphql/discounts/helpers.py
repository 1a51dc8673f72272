"""Shared pieces of the voucher API tests."""

from __future__ import annotations

import json
from typing import Any

from graphql_relay import to_global_id

from backend.discounts.models import Voucher
from tests.conftest import ApiClient


def gid(type_name: str, instance: Any) -> str:
    return to_global_id(type_name, instance.pk)


def voucher_id(voucher: Voucher) -> str:
    return gid("Voucher", voucher)


def errors_of(client: ApiClient, query: str, variables: dict[str, Any], name: str) -> Any:
    """The mutation's payload, failing on top-level errors."""
    response = client.post_graphql(query, variables)
    data = json.loads(response.content)
    assert "errors" not in data, data["errors"]
    return data["data"][name]


def top_level_code(response: Any) -> str | None:
    data = json.loads(response.content)
    if not data.get("errors"):
        return None
    return data["errors"][0].get("extensions", {}).get("exception", {}).get("code")
