"""Codes are looked up ignoring case (code__iexact) on every checkout step that carries a
voucher: the unique index must be the one that lookup can use."""

from __future__ import annotations

from django.db import connection

from backend.discounts.models import Voucher


def test_case_insensitive_code_lookup_uses_the_unique_index(db):
    Voucher.objects.create(code="TET2027", value=10_000)
    sql, params = Voucher.objects.filter(code__iexact="tet2027").query.sql_with_params()

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "voucher_code_unique_ignoring_case" in plan, plan
