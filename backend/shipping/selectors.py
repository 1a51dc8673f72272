"""Reading delivery methods."""

from __future__ import annotations

from collections.abc import Collection

from backend.core.db.rows import model_columns, prefetched, prepared_cursor
from backend.shipping.models import DeliveryMethod, DeliveryRate


def active_methods_by_producer(producer_ids: Collection[int]) -> dict[int, list[DeliveryMethod]]:
    """Each producer's active methods in display order, with ``rates`` prefetched (by pk).

    One hand-written query: every checkout step prices deliveries, and compiling the
    method and rate querysets cost more than running them (bench/README.md).
    """
    if not producer_ids:
        return {}
    method, rate = model_columns(DeliveryMethod), model_columns(DeliveryRate)
    # Identifiers come from the models; every value is a bound parameter.
    sql = f"""
        SELECT {method.select("m")}, {rate.select("r")}
          FROM shipping_deliverymethod m
          LEFT JOIN shipping_deliveryrate r ON r.method_id = m.id
         WHERE m.is_active AND m.producer_id = ANY(%s::bigint[])
         ORDER BY m.producer_id, m.sort_order, m.id, r.id
    """  # noqa: S608
    with prepared_cursor() as cursor:
        cursor.execute(sql, [sorted(producer_ids)])
        rows = cursor.fetchall()
    methods: dict[int, DeliveryMethod] = {}
    rates: dict[int, list[DeliveryRate]] = {}
    for row in rows:
        method_id = row[0]
        if method_id not in methods:
            methods[method_id] = method.build(row)  # type: ignore[assignment]
            rates[method_id] = []
        found = rate.build_nullable(row, method.width)
        if found is not None:
            rates[method_id].append(found)  # type: ignore[arg-type]
    by_producer: dict[int, list[DeliveryMethod]] = {}
    for method_id, built in methods.items():
        prefetched(built, "rates", rates[method_id])
        by_producer.setdefault(built.producer_id, []).append(built)
    return by_producer
