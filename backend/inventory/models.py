"""Warehouses and stock, after Saleor's ``warehouse`` app.

Each warehouse belongs to one producer (the producer ships its own goods). ``Allocation``
records stock reserved for an order line; the checkout app adds the order-line link.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Warehouse(models.Model):
    producer = models.ForeignKey(
        "producers.Producer", related_name="warehouses", on_delete=models.PROTECT
    )
    name = models.CharField(_("tên"), max_length=250)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=20, blank=True)
    street_address = models.CharField(max_length=255, blank=True)
    province_code = models.CharField(max_length=8, db_index=True)
    commune_code = models.CharField(max_length=8, blank=True)
    is_private = models.BooleanField(default=True)
    channels = models.ManyToManyField("channels.Channel", related_name="warehouses", blank=True)
    metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class Stock(models.Model):
    warehouse = models.ForeignKey(Warehouse, related_name="stocks", on_delete=models.CASCADE)
    product_variant = models.ForeignKey(
        "catalog.ProductVariant", related_name="stocks", on_delete=models.CASCADE
    )
    quantity = models.IntegerField(default=0)
    quantity_allocated = models.IntegerField(default=0)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["warehouse", "product_variant"], name="stock_warehouse_variant_unique"
            ),
            models.CheckConstraint(condition=Q(quantity__gte=0), name="stock_quantity_gte_0"),
            models.CheckConstraint(
                condition=Q(quantity_allocated__gte=0), name="stock_allocated_gte_0"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product_variant_id} @ {self.warehouse_id}"

    @property
    def quantity_available(self) -> int:
        return max(self.quantity - self.quantity_allocated, 0)


class Allocation(models.Model):
    """Stock held for an order line. ``Stock.quantity_allocated`` is the sum of these."""

    stock = models.ForeignKey(Stock, related_name="allocations", on_delete=models.CASCADE)
    order_line = models.ForeignKey(
        "orders.OrderLine",
        null=True,
        blank=True,
        related_name="allocations",
        on_delete=models.CASCADE,
    )
    quantity_allocated = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity_allocated__gte=0), name="allocation_quantity_gte_0"
            )
        ]

    def __str__(self) -> str:
        return f"{self.quantity_allocated} of stock {self.stock_id}"
