"""Checkouts (Saleor's shape): a shopper's cart with addresses and one delivery per producer.

The token is the primary key and the guest's credential: whoever holds a guest checkout's
token may use it; a signed-in shopper's checkout is theirs alone.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backend.accounts.models import LanguageCode


class Checkout(models.Model):
    token = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    channel = models.ForeignKey(
        "channels.Channel", related_name="checkouts", on_delete=models.PROTECT
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="checkouts",
        on_delete=models.CASCADE,
    )
    email = models.EmailField(blank=True)
    # Private copies (Address.user is null), never rows of a person's address book.
    shipping_address = models.ForeignKey(
        "accounts.Address", null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    billing_address = models.ForeignKey(
        "accounts.Address", null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    # Saleor's saveAddress: on completion a signed-in shopper's address book gets a copy.
    save_shipping_address = models.BooleanField(default=True)
    save_billing_address = models.BooleanField(default=True)
    language_code = models.CharField(
        max_length=8, choices=LanguageCode.choices, default=LanguageCode.VI
    )
    voucher_code = models.CharField(max_length=64, blank=True)
    customer_note = models.TextField(blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_change = models.DateTimeField(auto_now=True, db_index=True)
    # Set while checkoutComplete runs, so lines cannot change under it.
    completing_started_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_change", "pk"]

    def __str__(self) -> str:
        return str(self.token)


class CheckoutLine(models.Model):
    checkout = models.ForeignKey(Checkout, related_name="lines", on_delete=models.CASCADE)
    variant = models.ForeignKey(
        "catalog.ProductVariant", related_name="checkout_lines", on_delete=models.CASCADE
    )
    quantity = models.PositiveIntegerField()
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["checkout", "variant"], name="checkout_line_variant_unique"
            ),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="checkout_line_quantity_gt_0"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.variant_id}"


class CheckoutDelivery(models.Model):
    """The delivery method chosen for one producer's group of lines."""

    checkout = models.ForeignKey(Checkout, related_name="deliveries", on_delete=models.CASCADE)
    producer = models.ForeignKey("producers.Producer", related_name="+", on_delete=models.CASCADE)
    delivery_method = models.ForeignKey(
        "shipping.DeliveryMethod", related_name="+", on_delete=models.CASCADE
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("lựa chọn giao hàng")
        constraints = [
            models.UniqueConstraint(
                fields=["checkout", "producer"], name="checkout_delivery_producer_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.checkout_id}: {self.producer_id} -> {self.delivery_method_id}"
