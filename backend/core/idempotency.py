"""Exactly-once effects for at-least-once tasks.

Celery with ``acks_late`` redelivers a task whose worker died, so a task may run twice.
A task makes its effect idempotent by claiming a key in the same transaction as the
effect: the claim and the effect commit together or not at all.
"""

from __future__ import annotations

from django.db import connection

from backend.core.models import CompletedTask


def claim_once(key: str) -> bool:
    """Record ``key``; True the first time, False if an earlier run already committed it.

    Precondition: the caller is inside ``transaction.atomic()`` and performs its effect
    only when this returns True. A concurrent claim of the same key waits for the other
    transaction and then returns False if it committed.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("claim_once must run inside the effect's transaction")
    table = CompletedTask._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (key, completed_at) VALUES (%s, now())"  # noqa: S608  (table name is ours)
            " ON CONFLICT (key) DO NOTHING RETURNING id",
            [key],
        )
        return cursor.fetchone() is not None
