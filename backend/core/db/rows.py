"""Model instances from hand-written SQL, for the few hot paths where compiling the ORM
query costs more than running it.

Django's compiler spends about 0.6 ms of CPU turning a small queryset into SQL, several
times what PostgreSQL needs to answer it; the checkout flow runs dozens per purchase
(profiled with bench/checkout.py, see bench/README.md). A ``ModelColumns`` knows one model's
concrete columns in ``from_db`` order and the converters Django would apply, so a joined
row can be cut into real, saved model instances without going through the compiler.

``prepared_cursor`` runs such SQL as a server-side prepared statement: PostgreSQL then
plans a six-table join once per connection instead of on every call (2 ms each, measured).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
from django.conf import settings
from django.db import connection
from django.db.backends.postgresql.base import CursorDebugWrapper
from django.db.backends.utils import CursorWrapper
from django.db.models import Model

Converter = Callable[[Any, Any, Any], Any]


@dataclass(frozen=True)
class ModelColumns:
    model: type[Model]
    table: str
    attnames: tuple[str, ...]
    columns: tuple[str, ...]
    # (position, field's column expression, converters) for fields whose database value
    # needs converting (JSON text to Python, for example).
    conversions: tuple[tuple[int, Any, tuple[Converter, ...]], ...]

    @property
    def width(self) -> int:
        return len(self.columns)

    def select(self, alias: str) -> str:
        """``alias."col1", alias."col2", ...`` in the order ``build`` expects."""
        return ", ".join(f'{alias}."{column}"' for column in self.columns)

    def build(self, row: Sequence[Any], start: int = 0) -> Model:
        """The instance whose columns start at ``row[start]``."""
        values = list(row[start : start + self.width])
        for position, expression, converters in self.conversions:
            value = values[position]
            for converter in converters:
                value = converter(value, expression, connection)
            values[position] = value
        return self.model.from_db(connection.alias, self.attnames, values)

    def build_nullable(self, row: Sequence[Any], start: int = 0) -> Model | None:
        """Like ``build``, or None when the row came from a LEFT JOIN that matched nothing
        (the primary key, always the first column, is NULL)."""
        if row[start] is None:
            return None
        return self.build(row, start)


@functools.cache
def model_columns(model: type[Model]) -> ModelColumns:
    fields = model._meta.concrete_fields
    # The primary key first: build_nullable relies on it.
    ordered = sorted(fields, key=lambda field: not field.primary_key)
    if [field.attname for field in ordered] != [field.attname for field in fields]:
        raise ValueError(f"{model.__name__}: the primary key must be the first concrete field")
    conversions = []
    for position, field in enumerate(fields):
        expression = field.get_col(model._meta.db_table)
        converters = tuple(
            connection.ops.get_db_converters(expression) + expression.get_db_converters(connection)
        )
        if converters:
            conversions.append((position, expression, converters))
    return ModelColumns(
        model=model,
        table=model._meta.db_table,
        attnames=tuple(field.attname for field in fields),
        columns=tuple(str(field.column) for field in fields),
        conversions=tuple(conversions),
    )


def attach(instance: Model, relation: str, related: Model | None) -> None:
    """Cache ``related`` as ``instance.<relation>``, as ``select_related`` would."""
    instance._meta.get_field(relation).set_cached_value(instance, related)  # type: ignore[union-attr]


def prefetched(instance: Model, relation: str, related: list[Any]) -> None:
    """Make ``instance.<relation>.all()`` answer ``related`` without a query, as
    ``prefetch_related`` would."""
    queryset = getattr(instance, relation).get_queryset()
    queryset._result_cache = related
    queryset._prefetch_done = True
    cache = instance.__dict__.setdefault("_prefetched_objects_cache", {})
    cache[relation] = queryset


class _PreparingCursor(psycopg.Cursor[Any]):
    """Binds parameters on the server and prepares every statement it runs (psycopg keeps
    the prepared statements per connection, so a reconnect simply prepares again)."""

    def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
        kwargs.setdefault("prepare", True)
        return super().execute(query, params, **kwargs)


class _PreparedDebugCursor(CursorDebugWrapper):
    def execute(self, sql: Any, params: Any = None) -> Any:
        # psycopg keeps no text for a prepared statement: log it composed on the client.
        with self.debug_sql(self.db.ops.compose_sql(sql, params)):
            return CursorWrapper.execute(self, sql, params)


@contextmanager
def prepared_cursor() -> Iterator[Any]:
    """A cursor on the default connection whose statements are prepared server-side, in
    the current transaction and seen by Django's query logging (query-count tests).

    Parameters are bound by the server, so give array and other ambiguous parameters an
    explicit cast (``= ANY(%s::bigint[])``). With ``DB_PREPARED_STATEMENTS=false`` (for a
    transaction-pooling proxy that cannot keep them) it is Django's ordinary cursor.
    """
    if not settings.DB_PREPARED_STATEMENTS:
        with connection.cursor() as cursor:
            yield cursor
        return
    connection.ensure_connection()
    raw: Any = _PreparingCursor(connection.connection)
    # Django's own wrappers: execute_wrappers apply and query logging sees the statement.
    cursor = (
        _PreparedDebugCursor(raw, connection)
        if connection.queries_logged
        else connection.make_cursor(raw)
    )
    try:
        yield cursor
    finally:
        raw.close()
