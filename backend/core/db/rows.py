"""Model instances from hand-written SQL, for the few hot paths where compiling the ORM
query costs more than running it.

Django's compiler spends about 0.6 ms of CPU turning a small queryset into SQL, several
times what PostgreSQL needs to answer it; the checkout flow runs dozens per purchase
(profiled with bench/checkout.py, see bench/README.md). A ``ModelColumns`` knows one model's
concrete columns in ``from_db`` order and the converters Django would apply, so a joined
row can be cut into real, saved model instances without going through the compiler.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection
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
