"""Relay connections with ``totalCount`` and keyset (not offset) cursors, as Saleor has them.

A cursor is the base64 of the JSON list of the sort-key values of an edge's node; the last
sort key is always the primary key, so keys are unique and pages never skip or repeat rows.
Sort fields must be non-null (coalesce nullable ones in an annotation first).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import graphene
from django.conf import settings
from django.db.models import Model, Q, QuerySet
from graphql import GraphQLError


class CountableConnection(graphene.relay.Connection):
    """A Relay connection that also answers ``totalCount``."""

    class Meta:
        abstract = True

    total_count = graphene.Int(description="A total count of items in the collection.")

    @staticmethod
    def resolve_total_count(root: Any, info: graphene.ResolveInfo) -> int | None:
        queryset = getattr(root, "counted_queryset", None)
        return None if queryset is None else queryset.count()


def connection_args() -> dict[str, graphene.Argument]:
    """The four Relay pagination arguments, for fields that are not ConnectionFields."""
    return {
        "before": graphene.String(description="Return the elements before this cursor."),
        "after": graphene.String(description="Return the elements after this cursor."),
        "first": graphene.Int(description="Return the first n elements (1-100)."),
        "last": graphene.Int(description="Return the last n elements (1-100)."),
    }


@dataclass(frozen=True)
class PageRequest:
    first: int | None
    last: int | None
    after: list[Any] | None
    before: list[Any] | None


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps([_encode_value(value) for value in values], separators=(",", ":"))
    return base64.b64encode(raw.encode()).decode()


def decode_cursor(cursor: str, width: int) -> list[Any]:
    try:
        values = json.loads(base64.b64decode(cursor.encode(), validate=True).decode())
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise GraphQLError("Received cursor is invalid.") from exc
    if not isinstance(values, list) or len(values) != width:
        raise GraphQLError("Received cursor is invalid.")
    if any(isinstance(value, dict | list) for value in values):
        raise GraphQLError("Received cursor is invalid.")
    return values


def validate_page_request(args: dict[str, Any], *, connection_name: str, width: int) -> PageRequest:
    first, last = args.get("first"), args.get("last")
    limit = settings.GRAPHQL_MAX_PAGE_SIZE
    if first is None and last is None:
        raise GraphQLError(
            f"You must provide a `first` or `last` value to properly paginate the "
            f"`{connection_name}` connection."
        )
    if first is not None and last is not None:
        raise GraphQLError(
            f"Including a `first` and `last` value on the `{connection_name}` connection "
            "is not supported."
        )
    for name, value in (("first", first), ("last", last)):
        if value is None:
            continue
        if value < 0:
            raise GraphQLError(
                f"Argument `{name}` on connection `{connection_name}` cannot be negative."
            )
        if value > limit:
            raise GraphQLError(
                f"Requesting {value} records on the `{connection_name}` connection exceeds the "
                f"`{name}` limit of {limit} records."
            )
    after = decode_cursor(args["after"], width) if args.get("after") else None
    before = decode_cursor(args["before"], width) if args.get("before") else None
    return PageRequest(first=first, last=last, after=after, before=before)


def _beyond(fields: Sequence[str], values: Sequence[Any], *, greater: bool) -> Q:
    """Rows whose (fields) tuple is strictly after (or before) ``values`` lexicographically."""
    lookup = "gt" if greater else "lt"
    condition = Q()
    for index, field in enumerate(fields):
        equal_prefix = {fields[i]: values[i] for i in range(index)}
        condition |= Q(**equal_prefix, **{f"{field}__{lookup}": values[index]})
    return condition


@dataclass
class Page:
    nodes: list[Any]
    cursors: list[str]
    has_next_page: bool
    has_previous_page: bool
    counted_queryset: QuerySet[Any]


def paginate(
    queryset: QuerySet[Any],
    args: dict[str, Any],
    *,
    sort_fields: Sequence[str],
    descending: bool = False,
    connection_name: str,
) -> Page:
    """Slice ``queryset`` by keyset pagination over ``sort_fields`` (+ pk as tie-breaker)."""
    fields = [*sort_fields, "pk"] if sort_fields[-1:] != ["pk"] else list(sort_fields)
    request = validate_page_request(args, connection_name=connection_name, width=len(fields))
    forward = request.last is None
    ascending_order = not descending
    try:
        sliced = queryset
        if request.after is not None:
            sliced = sliced.filter(_beyond(fields, request.after, greater=ascending_order))
        if request.before is not None:
            sliced = sliced.filter(_beyond(fields, request.before, greater=not ascending_order))
        reverse = descending if forward else not descending
        ordering = [f"-{field}" if reverse else field for field in fields]
        limit = request.first if forward else request.last
        assert limit is not None
        rows = list(sliced.order_by(*ordering)[: limit + 1])
    except (ValueError, TypeError) as exc:  # a cursor value of the wrong type for its field
        raise GraphQLError("Received cursor is invalid.") from exc
    has_more = len(rows) > limit
    rows = rows[:limit]
    if not forward:
        rows.reverse()
    return Page(
        nodes=rows,
        cursors=[encode_cursor([_value_of(row, field) for field in fields]) for row in rows],
        has_next_page=has_more if forward else request.before is not None,
        has_previous_page=request.after is not None if forward else has_more,
        counted_queryset=queryset,
    )


def _value_of(row: Model, field: str) -> Any:
    value: Any = row
    for part in field.split("__"):
        value = getattr(value, part)
    return value


def build_connection(connection_type: type[CountableConnection], page: Page) -> Any:
    """Shape a Page as an instance of a graphene connection type."""
    edge_type = connection_type.Edge
    connection = connection_type(
        edges=[
            edge_type(node=node, cursor=cursor)
            for node, cursor in zip(page.nodes, page.cursors, strict=True)
        ],
        page_info=graphene.relay.PageInfo(
            start_cursor=page.cursors[0] if page.cursors else None,
            end_cursor=page.cursors[-1] if page.cursors else None,
            has_next_page=page.has_next_page,
            has_previous_page=page.has_previous_page,
        ),
    )
    connection.counted_queryset = page.counted_queryset
    return connection


def resolve_connection(
    connection_type: type[CountableConnection],
    queryset: QuerySet[Any],
    args: dict[str, Any],
    *,
    sort_fields: Sequence[str],
    descending: bool = False,
    connection_name: str,
) -> Any:
    page = paginate(
        queryset,
        args,
        sort_fields=sort_fields,
        descending=descending,
        connection_name=connection_name,
    )
    return build_connection(connection_type, page)
