"""Delivery methods, one set per producer: each producer ships its own part of an order.

A method is either shipping (priced by a flat or weight-based rate for the destination
province, free above a threshold) or pickup at one of the producer's warehouses (free).
"""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DeliveryMethodType(models.TextChoices):
    SHIPPING = "shipping", _("Giao hàng")
    PICKUP = "pickup", _("Nhận tại cơ sở")


class PricingType(models.TextChoices):
    FLAT = "flat", _("Đồng giá")
    WEIGHT = "weight", _("Theo khối lượng")


class DeliveryMethod(models.Model):
    producer = models.ForeignKey(
        "producers.Producer", related_name="delivery_methods", on_delete=models.CASCADE
    )
    name = models.CharField(_("tên"), max_length=100)
    description = models.CharField(max_length=255, blank=True)
    type = models.CharField(
        max_length=16, choices=DeliveryMethodType.choices, default=DeliveryMethodType.SHIPPING
    )
    pricing = models.CharField(max_length=16, choices=PricingType.choices, default=PricingType.FLAT)
    # Orders of this producer whose subtotal reaches this amount ship free.
    free_above_amount = models.BigIntegerField(
        null=True, blank=True, validators=[MinValueValidator(0)]
    )
    pickup_warehouse = models.ForeignKey(
        "inventory.Warehouse",
        null=True,
        blank=True,
        related_name="pickup_methods",
        on_delete=models.CASCADE,
    )
    minimum_delivery_days = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_delivery_days = models.PositiveSmallIntegerField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    sort_order = models.IntegerField(default=0)
    metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["producer_id", "sort_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(type="shipping") | Q(pickup_warehouse__isnull=False),
                name="delivery_method_pickup_has_warehouse",
            )
        ]

    def __str__(self) -> str:
        return self.name


class DeliveryRate(models.Model):
    """The price of a shipping method to one province (blank ``province_code``: anywhere else).

    Flat: ``base_price_amount``. Weight: ``base_price_amount`` for the first kilogram plus
    ``per_kg_amount`` for each started kilogram after it.
    """

    method = models.ForeignKey(DeliveryMethod, related_name="rates", on_delete=models.CASCADE)
    province_code = models.CharField(max_length=2, blank=True)
    base_price_amount = models.BigIntegerField(validators=[MinValueValidator(0)])
    per_kg_amount = models.BigIntegerField(default=0, validators=[MinValueValidator(0)])

    class Meta:
        ordering = ["method_id", "province_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["method", "province_code"], name="delivery_rate_method_province_unique"
            ),
            models.CheckConstraint(
                condition=Q(base_price_amount__gte=0, per_kg_amount__gte=0),
                name="delivery_rate_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.method_id} -> {self.province_code or '*'}"
