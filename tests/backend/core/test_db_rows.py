"""Model instances cut from hand-written SQL rows (backend/core/db/rows.py)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.catalog.models import Product
from backend.core.db.rows import attach, model_columns, prefetched, prepared_cursor
from backend.shipping.models import DeliveryRate
from producers.models import Producer
from tests.backend.catalog.factories import make_channel, make_product
from tests.backend.checkout.factories import make_shipping


def _row(sql: str, params: list) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def _product_row(pk: int) -> tuple:
    columns = model_columns(Product).select("p")
    return _row(f"SELECT {columns} FROM catalog_product p WHERE p.id = %s", [pk])  # noqa: S608


def test_build_gives_the_instance_the_orm_would_load_with_json_decoded(db):
    # given: JSON columns come back from PostgreSQL as text and need Django's converter
    product = make_product("Mắm tôm", channel=make_channel(), with_image=False)
    Product.objects.filter(pk=product.pk).update(metadata={"vùng": "Thanh Hóa", "n": 2})
    columns = model_columns(Product)

    # when
    built = columns.build(_product_row(product.pk))

    # then
    loaded = Product.objects.get(pk=product.pk)
    assert built.metadata == {"vùng": "Thanh Hóa", "n": 2}
    for field in Product._meta.concrete_fields:
        assert getattr(built, field.attname) == getattr(loaded, field.attname), field.name
    assert built._state.adding is False and built._state.db == "default"


def test_build_nullable_is_none_for_a_left_join_that_matched_nothing(db):
    columns = model_columns(DeliveryRate)
    row = _row(
        f"SELECT 1, {columns.select('r')} FROM (SELECT 1) one "  # noqa: S608
        "LEFT JOIN shipping_deliveryrate r ON false",
        [],
    )

    assert columns.build_nullable(row, 1) is None


def test_attached_and_prefetched_relations_answer_without_a_query(db):
    # given
    product = make_product("Chè Shan", channel=make_channel(), with_image=False)
    method = make_shipping(product.producer, price=25_000)
    rate = method.rates.get()
    fresh_product = model_columns(Product).build(_product_row(product.pk))
    producer = Producer.objects.unscoped().get(pk=product.producer_id)
    method.refresh_from_db()

    # when
    attach(fresh_product, "producer", producer)
    prefetched(method, "rates", [rate])

    # then
    with CaptureQueriesContext(connection) as queries:
        assert fresh_product.producer is producer
        assert list(method.rates.all()) == [rate]
    assert len(queries) == 0
    # A narrower question still goes to the database, scoped to this method.
    assert list(method.rates.filter(base_price_amount=25_000)) == [rate]
    assert list(method.rates.filter(base_price_amount=1)) == []


def _prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def test_prepared_cursor_prepares_on_the_server_and_is_seen_by_query_logging(db):
    # given
    sql = "SELECT count(*) FROM catalog_product WHERE id = ANY(%s::bigint[]) /* rows-test */"

    # when
    with CaptureQueriesContext(connection) as queries, prepared_cursor() as cursor:
        cursor.execute(sql, [[1, 2]])
        assert cursor.fetchone() == (0,)

    # then
    assert len(queries) == 1 and "rows-test" in queries[0]["sql"]
    assert any("rows-test" in statement for statement in _prepared_statements())


def test_without_prepared_statements_the_ordinary_cursor_runs_the_sql(db, settings):
    settings.DB_PREPARED_STATEMENTS = False

    with prepared_cursor() as cursor:
        cursor.execute("SELECT %s::int + 1 /* rows-test-off */", [41])
        assert cursor.fetchone() == (42,)

    assert not any("rows-test-off" in statement for statement in _prepared_statements())
