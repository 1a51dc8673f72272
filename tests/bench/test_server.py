"""The benches' shared helpers that can run without starting a server."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from django.db import connection
from psycopg import sql

from bench.server import ensure_database


def _url(name: str) -> str:
    """The test server's URL; the embedded server listens on a socket folder (``?host=``)."""
    connection.ensure_connection()
    settings = connection.settings_dict
    user, host, port = settings["USER"], settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    if host.startswith("/"):
        return f"postgres://{user}@:{port}/{name}?host={host}"
    return f"postgres://{user}@{host}:{port}/{name}"


@pytest.mark.django_db
def test_ensure_database_creates_a_missing_database_once():
    # given
    name = f"ocop_bench_check_{uuid.uuid4().hex[:12]}"
    admin = _url("postgres")

    # when
    try:
        ensure_database(_url(name))
        ensure_database(_url(name))  # already there: nothing to do
        with psycopg.connect(admin, autocommit=True) as admin_connection:
            found = admin_connection.execute(
                "SELECT count(*) FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
    finally:
        with psycopg.connect(admin, autocommit=True) as admin_connection:
            admin_connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name))
            )

    # then
    assert found == (1,)
