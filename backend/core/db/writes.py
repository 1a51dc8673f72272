"""INSERT and UPDATE for model instances without Django's SQL compiler, on the checkout's
hot path.

Each checkout step writes a few rows, and compiling ``Model.save()`` or ``bulk_create()``
cost more CPU than PostgreSQL spent on the statement (bench/checkout.py, bench/README.md).
These helpers build the same statements straight from the model's fields, run them as
prepared statements (``rows.prepared_cursor``) and leave the instances as Django would:
defaults and ``auto_now``/``auto_now_add`` applied, generated keys and database defaults
read back, ``_state`` saved. Like ``bulk_create`` and ``QuerySet.update``, they send no
``pre_save``/``post_save`` signals: use them only for models nothing listens to.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import DatabaseError, connection
from django.db.models import Field, Model
from django.db.models.expressions import DatabaseDefault

from backend.core.db.rows import prepared_cursor


@dataclass(frozen=True)
class _InsertShape:
    table: str
    fields: tuple[Field[Any, Any], ...]  # written, in column order
    returning: tuple[Field[Any, Any], ...]  # filled by the database (serial keys, db_default)


@functools.cache
def _insert_shape(model: type[Model], with_pk: bool) -> _InsertShape:
    opts = model._meta
    fields = tuple(
        field
        for field in opts.concrete_fields
        if with_pk or not (field.primary_key and field.db_returning)
    )
    returning = tuple(
        field
        for field in opts.concrete_fields
        if field.db_returning and not (with_pk and field.primary_key)
    )
    return _InsertShape(table=opts.db_table, fields=fields, returning=returning)


def _quoted(fields: Sequence[Field[Any, Any]]) -> str:
    return ", ".join(f'"{field.column}"' for field in fields)


def insert(instances: Sequence[Model]) -> None:
    """INSERT ``instances`` (all of one model) in one statement, as ``bulk_create`` does.

    A serial primary key left empty, and a field with ``db_default`` not given, are set by
    PostgreSQL and read back onto the instances.
    """
    if not instances:
        return
    model = type(instances[0])
    if any(type(instance) is not model for instance in instances):
        raise TypeError("insert() takes instances of one model")
    with_pk = instances[0].pk is not None
    if any((instance.pk is not None) != with_pk for instance in instances):
        raise ValueError("insert() takes instances that all have a primary key, or none")
    shape = _insert_shape(model, with_pk)
    rows, params = [], []
    for instance in instances:
        # As save() and bulk_create(): a related object saved after it was assigned gives
        # its key now, and an unsaved one is refused.
        instance._prepare_related_fields_for_save(operation_name="insert")  # type: ignore[attr-defined]
        placeholders = []
        for field in shape.fields:
            value = field.pre_save(instance, True)
            if isinstance(value, DatabaseDefault):
                placeholders.append("DEFAULT")
                continue
            placeholders.append("%s")
            params.append(field.get_db_prep_save(value, connection))
        rows.append(f"({', '.join(placeholders)})")
    sql = f'INSERT INTO "{shape.table}" ({_quoted(shape.fields)}) VALUES {", ".join(rows)}'  # noqa: S608
    if shape.returning:
        sql += f" RETURNING {_quoted(shape.returning)}"
    with prepared_cursor() as cursor:
        cursor.execute(sql, params)
        # PostgreSQL returns the rows of a multi-row VALUES insert in their order (as
        # bulk_create relies on).
        returned = cursor.fetchall() if shape.returning else [()] * len(instances)
    for instance, values in zip(instances, returned, strict=True):
        for field, value in zip(shape.returning, values, strict=True):
            setattr(instance, field.attname, value)
        instance._state.adding = False
        instance._state.db = connection.alias


def update(instance: Model, fields: Sequence[str]) -> None:
    """``instance.save(update_fields=fields)``: the named fields (``auto_now`` ones among
    them refreshed) written to the instance's row, which must exist."""
    opts = instance._meta
    targets = [opts.get_field(name) for name in fields]
    instance._prepare_related_fields_for_save(operation_name="update", fields=targets)  # type: ignore[attr-defined]
    assignments, params = [], []
    for field in targets:
        if not field.concrete or field.primary_key:
            raise ValueError(f"{opts.label}.{field.name} cannot be updated")
        assert isinstance(field, Field)
        assignments.append(f'"{field.column}" = %s')
        params.append(field.get_db_prep_save(field.pre_save(instance, False), connection))
    sql = (
        f'UPDATE "{opts.db_table}" SET {", ".join(assignments)} '  # noqa: S608
        f'WHERE "{opts.pk.column}" = %s'
    )
    params.append(opts.pk.get_db_prep_value(instance.pk, connection))
    with prepared_cursor() as cursor:
        cursor.execute(sql, params)
        if cursor.rowcount != 1:
            raise DatabaseError("Save with update_fields did not affect any rows.")
