"""Vouchers (promo codes): a fixed amount of đồng or a percentage off the subtotal.

A voucher with a ``producer`` applies to that producer's products only: its minimum spend
and its discount are reckoned on that producer's lines, and the whole discount is that
producer's. A platform voucher (no producer) is shared by the producers of an order in
proportion to their lines (``discounts.services.voucher_discount_shares``).
"""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _


class VoucherValueType(models.TextChoices):
    FIXED = "fixed", _("Số tiền cố định")
    PERCENTAGE = "percentage", _("Phần trăm")


class Voucher(models.Model):
    """``used`` is only changed by ``voucher_use`` under the voucher's row lock (never
    oversold, never twice for one customer with ``apply_once_per_customer``)."""

    code = models.CharField(max_length=64, unique=True)
    name = models.CharField(_("tên"), max_length=255, blank=True)
    value_type = models.CharField(
        max_length=16, choices=VoucherValueType.choices, default=VoucherValueType.FIXED
    )
    # Whole đồng for FIXED, percent (1-100) for PERCENTAGE.
    value = models.BigIntegerField(validators=[MinValueValidator(1)])
    min_spend_amount = models.BigIntegerField(default=0, validators=[MinValueValidator(0)])
    usage_limit = models.PositiveIntegerField(null=True, blank=True)
    used = models.PositiveIntegerField(default=0)
    # Saleor's applyOncePerCustomer: not again for a customer (account or email) who has a
    # placed, not cancelled order with it.
    apply_once_per_customer = models.BooleanField(default=False)
    starts_at = models.DateTimeField(null=True, blank=True)
    ends_at = models.DateTimeField(null=True, blank=True)
    channels = models.ManyToManyField("channels.Channel", related_name="vouchers", blank=True)
    producer = models.ForeignKey(
        "producers.Producer",
        null=True,
        blank=True,
        related_name="vouchers",
        on_delete=models.CASCADE,
        verbose_name=_("chỉ cho sản phẩm của"),
    )
    is_active = models.BooleanField(default=True)
    metadata = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            # Shoppers type codes in any case and checkout looks them up ignoring it.
            # Upper: what Django's code__iexact compares on PostgreSQL, so lookups use this index.
            models.UniqueConstraint(Upper("code"), name="voucher_code_unique_ignoring_case"),
            models.CheckConstraint(condition=Q(value__gte=1), name="voucher_value_positive"),
            models.CheckConstraint(
                condition=~Q(value_type="percentage") | Q(value__lte=100),
                name="voucher_percentage_at_most_100",
            ),
            models.CheckConstraint(
                condition=Q(usage_limit__isnull=True) | Q(used__lte=models.F("usage_limit")),
                name="voucher_used_within_limit",
            ),
        ]

    def __str__(self) -> str:
        return self.code
