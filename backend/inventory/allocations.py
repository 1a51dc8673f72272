"""Reserving, releasing and consuming stock for order lines, never beyond what is there.

Every function locks the Stock rows it touches with SELECT ... FOR UPDATE in primary-key
order, so concurrent buyers queue on the same rows in the same order (no deadlocks) and
each sees the quantities the previous one committed. Callers run inside a transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import cast

from django.db.models import F

from backend.channels.models import Channel
from backend.core.db.rows import model_columns, prepared_cursor
from backend.core.db.writes import insert
from backend.inventory.models import Allocation, Stock
from backend.inventory.signals import announce_stock_change


class InsufficientStock(Exception):  # noqa: N818  (reads as the outcome)
    def __init__(self, variant_ids: list[int], available: dict[int, int]) -> None:
        super().__init__(f"Insufficient stock for variants {variant_ids}")
        self.variant_ids = variant_ids
        self.available = available


@dataclass(frozen=True)
class PlannedAllocation:
    variant_id: int
    stock: Stock
    quantity: int


def allocation_plan(*, channel: Channel, wanted: Mapping[int, int]) -> list[PlannedAllocation]:
    """Lock the channel's stock of ``wanted`` variants and plan where each unit comes from.

    Raises InsufficientStock (naming every short variant) before anything is written.
    """
    stock_columns = model_columns(Stock)
    with prepared_cursor() as cursor:
        cursor.execute(
            f"""
            SELECT {stock_columns.select("s")}
            FROM inventory_stock s
            JOIN inventory_warehouse_channels wc ON wc.warehouse_id = s.warehouse_id
            WHERE s.product_variant_id = ANY(%s::bigint[]) AND wc.channel_id = %s::bigint
            ORDER BY s.id
            FOR UPDATE OF s
            """,  # noqa: S608  (columns from the model, values bound)
            [list(wanted), channel.pk],
        )
        stocks = [cast(Stock, stock_columns.build(row)) for row in cursor.fetchall()]
    plan: list[PlannedAllocation] = []
    short: list[int] = []
    available: dict[int, int] = {}
    for variant_id, quantity in wanted.items():
        remaining = quantity
        for stock in stocks:
            if stock.product_variant_id != variant_id or remaining == 0:
                continue
            free = stock.quantity - stock.quantity_allocated
            if free <= 0:
                continue
            take = min(free, remaining)
            plan.append(PlannedAllocation(variant_id=variant_id, stock=stock, quantity=take))
            remaining -= take
        if remaining:
            short.append(variant_id)
            available[variant_id] = quantity - remaining
    if short:
        raise InsufficientStock(sorted(short), available)
    return plan


def allocation_apply(plan: Iterable[PlannedAllocation], line_by_variant: Mapping[int, int]) -> None:
    """Write a plan from ``allocation_plan`` (same transaction, rows still locked)."""
    items = list(plan)
    added: dict[int, int] = {}
    for item in items:
        added[item.stock.pk] = added.get(item.stock.pk, 0) + item.quantity
    if added:
        # One UPDATE for the whole cart, however many producers' stocks it touches.
        with prepared_cursor() as cursor:
            cursor.execute(
                """
                UPDATE inventory_stock s
                SET quantity_allocated = s.quantity_allocated + added.quantity
                FROM unnest(%s::bigint[], %s::integer[]) AS added(stock_id, quantity)
                WHERE s.id = added.stock_id
                """,
                [list(added), list(added.values())],
            )
    insert(
        [
            Allocation(
                stock_id=item.stock.pk,
                order_line_id=line_by_variant[item.variant_id],
                quantity_allocated=item.quantity,
            )
            for item in items
        ]
    )
    announce_stock_change()


def _lock_allocations(order_line_ids: Iterable[int]) -> list[Allocation]:
    allocations = list(Allocation.objects.filter(order_line_id__in=list(order_line_ids)))
    stock_ids = sorted({allocation.stock_id for allocation in allocations})
    list(Stock.objects.select_for_update().filter(pk__in=stock_ids).order_by("pk"))
    return allocations


def allocations_release(order_line_ids: Iterable[int]) -> None:
    """Give reserved units back to stock (a cancelled or expired order)."""
    allocations = _lock_allocations(order_line_ids)
    for allocation in allocations:
        Stock.objects.filter(pk=allocation.stock_id).update(
            quantity_allocated=F("quantity_allocated") - allocation.quantity_allocated
        )
    Allocation.objects.filter(pk__in=[a.pk for a in allocations]).delete()
    announce_stock_change()


def allocations_consume(order_line_ids: Iterable[int]) -> None:
    """Units leave the warehouse (a fulfilment): stock and its reservation both go down."""
    allocations = _lock_allocations(order_line_ids)
    for allocation in allocations:
        Stock.objects.filter(pk=allocation.stock_id).update(
            quantity=F("quantity") - allocation.quantity_allocated,
            quantity_allocated=F("quantity_allocated") - allocation.quantity_allocated,
        )
    Allocation.objects.filter(pk__in=[a.pk for a in allocations]).delete()
    announce_stock_change()
