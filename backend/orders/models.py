"""Orders: one per completed checkout, one fulfilment group per producer.

Amounts are whole đồng. ``status`` changes only through ``orders.services`` (transition
table in ``orders.status``); every change writes an ``OrderEvent``.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backend.accounts.models import LanguageCode
from backend.core.money import round_vnd


class OrderStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Chưa xác nhận")
    UNFULFILLED = "unfulfilled", _("Chưa giao")
    PARTIALLY_FULFILLED = "partially_fulfilled", _("Đã giao một phần")
    FULFILLED = "fulfilled", _("Đã giao")
    PARTIALLY_RETURNED = "partially_returned", _("Đã trả một phần")
    RETURNED = "returned", _("Đã trả hàng")
    CANCELED = "canceled", _("Đã hủy")
    EXPIRED = "expired", _("Hết hạn")


class OrderChargeStatus(models.TextChoices):
    NONE = "none", _("Chưa thanh toán")
    PARTIAL = "partial", _("Thanh toán một phần")
    FULL = "full", _("Đã thanh toán")
    OVERCHARGED = "overcharged", _("Thanh toán thừa")


class OrderAuthorizeStatus(models.TextChoices):
    NONE = "none", _("Chưa ủy quyền")
    PARTIAL = "partial", _("Ủy quyền một phần")
    FULL = "full", _("Đã ủy quyền")


class PaymentMethod(models.TextChoices):
    COD = "cod", _("Thanh toán khi nhận hàng")
    VIETQR = "vietqr", _("Chuyển khoản VietQR")
    STRIPE = "stripe", _("Thẻ (Stripe)")


class Order(models.Model):
    number = models.BigIntegerField(
        unique=True,
        db_default=models.Func(models.Value("orders_order_number_seq"), function="nextval"),
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The checkout this order came from: checkoutComplete returns this order when repeated.
    checkout_token = models.UUIDField(null=True, blank=True, unique=True)
    channel = models.ForeignKey("channels.Channel", related_name="orders", on_delete=models.PROTECT)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="orders",
        on_delete=models.SET_NULL,
    )
    user_email = models.EmailField(blank=True, db_index=True)
    status = models.CharField(
        max_length=32, choices=OrderStatus.choices, default=OrderStatus.UNFULFILLED, db_index=True
    )
    language_code = models.CharField(
        max_length=8, choices=LanguageCode.choices, default=LanguageCode.VI
    )
    shipping_address = models.ForeignKey(
        "accounts.Address", null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    billing_address = models.ForeignKey(
        "accounts.Address", null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    customer_note = models.TextField(blank=True)
    voucher = models.ForeignKey(
        "discounts.Voucher", null=True, blank=True, related_name="orders", on_delete=models.SET_NULL
    )
    voucher_code = models.CharField(max_length=64, blank=True)
    subtotal_amount = models.BigIntegerField(default=0)
    shipping_amount = models.BigIntegerField(default=0)
    discount_amount = models.BigIntegerField(default=0)
    total_amount = models.BigIntegerField(default=0)
    total_charged_amount = models.BigIntegerField(default=0)
    total_authorized_amount = models.BigIntegerField(default=0)
    charge_status = models.CharField(
        max_length=16, choices=OrderChargeStatus.choices, default=OrderChargeStatus.NONE
    )
    authorize_status = models.CharField(
        max_length=16, choices=OrderAuthorizeStatus.choices, default=OrderAuthorizeStatus.NONE
    )
    payment_method = models.CharField(
        max_length=16, choices=PaymentMethod.choices, default=PaymentMethod.COD, db_index=True
    )
    redirect_url = models.URLField(max_length=500, blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    subtotal_amount__gte=0,
                    shipping_amount__gte=0,
                    discount_amount__gte=0,
                    total_amount__gte=0,
                ),
                name="order_amounts_not_negative",
            )
        ]
        indexes = [models.Index(fields=["payment_method", "charge_status", "status"])]

    def __str__(self) -> str:
        return f"#{self.number}"

    @property
    def is_paid(self) -> bool:
        return self.charge_status in {OrderChargeStatus.FULL, OrderChargeStatus.OVERCHARGED}


class FulfillmentStatus(models.TextChoices):
    UNFULFILLED = "unfulfilled", _("Chưa giao")
    FULFILLED = "fulfilled", _("Đã giao cho vận chuyển")
    RETURNED = "returned", _("Đã trả hàng")
    CANCELED = "canceled", _("Đã hủy")


class FulfillmentGroup(models.Model):
    """One producer's part of an order: its lines, its delivery and its shipment."""

    order = models.ForeignKey(Order, related_name="fulfillment_groups", on_delete=models.CASCADE)
    producer = models.ForeignKey(
        "producers.Producer", related_name="fulfillment_groups", on_delete=models.PROTECT
    )
    fulfillment_order = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(
        max_length=16,
        choices=FulfillmentStatus.choices,
        default=FulfillmentStatus.UNFULFILLED,
        db_index=True,
    )
    delivery_method = models.ForeignKey(
        "shipping.DeliveryMethod",
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    shipping_method_name = models.CharField(max_length=100, blank=True)
    is_pickup = models.BooleanField(default=False)
    shipping_price_amount = models.BigIntegerField(default=0)
    subtotal_amount = models.BigIntegerField(default=0)
    # This producer's share of the order's voucher discount (its lines' shares summed).
    discount_amount = models.BigIntegerField(default=0)
    tracking_number = models.CharField(max_length=255, blank=True)
    carrier = models.CharField(max_length=100, blank=True)
    cod_collected = models.BooleanField(default=False)
    fulfilled_at = models.DateTimeField(null=True, blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["order_id", "fulfillment_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["order", "producer"], name="fulfillment_group_order_producer_unique"
            ),
            models.CheckConstraint(
                condition=Q(shipping_price_amount__gte=0, subtotal_amount__gte=0),
                name="fulfillment_group_amounts_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(
                    discount_amount__gte=0, discount_amount__lte=models.F("subtotal_amount")
                ),
                name="fulfillment_group_discount_within_subtotal",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.order_id}-{self.fulfillment_order}"

    @property
    def goods_amount(self) -> int:
        """What the producer's goods earn: its lines less its share of the voucher."""
        return self.subtotal_amount - self.discount_amount


class OrderLine(models.Model):
    """A snapshot of what was bought: names, SKU and prices survive catalogue changes."""

    order = models.ForeignKey(Order, related_name="lines", on_delete=models.CASCADE)
    fulfillment_group = models.ForeignKey(
        FulfillmentGroup, related_name="lines", on_delete=models.CASCADE
    )
    producer = models.ForeignKey("producers.Producer", related_name="+", on_delete=models.PROTECT)
    variant = models.ForeignKey(
        "catalog.ProductVariant",
        null=True,
        blank=True,
        related_name="order_lines",
        on_delete=models.SET_NULL,
    )
    product_name = models.CharField(max_length=386)
    variant_name = models.CharField(max_length=255, blank=True)
    translated_product_name = models.CharField(max_length=386, blank=True)
    translated_variant_name = models.CharField(max_length=255, blank=True)
    product_sku = models.CharField(max_length=255, blank=True)
    is_shipping_required = models.BooleanField(default=True)
    quantity = models.PositiveIntegerField()
    quantity_fulfilled = models.PositiveIntegerField(default=0)
    # Prices before the voucher, as bought; the prices after it are derived (properties
    # below), so the two can never disagree.
    undiscounted_unit_price_amount = models.BigIntegerField()
    undiscounted_total_price_amount = models.BigIntegerField()
    # The line's share of the order's voucher discount, whole đồng: the shares of a
    # producer's lines sum to its group's share, the groups' to the order's discount.
    discount_amount = models.BigIntegerField(default=0)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="order_line_quantity_gt_0"),
            models.CheckConstraint(
                condition=Q(quantity_fulfilled__lte=models.F("quantity")),
                name="order_line_fulfilled_within_quantity",
            ),
            models.CheckConstraint(
                condition=Q(
                    undiscounted_unit_price_amount__gte=0, undiscounted_total_price_amount__gte=0
                ),
                name="order_line_amounts_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(
                    discount_amount__gte=0,
                    discount_amount__lte=models.F("undiscounted_total_price_amount"),
                ),
                name="order_line_discount_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.product_sku}"

    @property
    def total_price_amount(self) -> int:
        """The line after its share of the voucher (Saleor's ``totalPrice``), exact: an
        order's line totals sum to its subtotal less its discount."""
        return self.undiscounted_total_price_amount - self.discount_amount

    @property
    def unit_price_amount(self) -> int:
        """One unit after the voucher (Saleor's ``unitPrice``): ``total_price_amount /
        quantity`` rounded half up to whole đồng. A share need not divide by the quantity,
        so unit × quantity may miss the total by up to quantity / 2 đồng; the total is the
        figure that counts."""
        return round_vnd(Decimal(self.total_price_amount) / Decimal(self.quantity))

    @property
    def unit_discount_amount(self) -> int:
        """The voucher's part of one unit: undiscounted unit price less unit price."""
        return self.undiscounted_unit_price_amount - self.unit_price_amount

    @property
    def unit_discount_reason(self) -> str | None:
        """Why the line is discounted (the order's voucher code), or None. Reads ``order``:
        fetch lines through it (``order.lines``) or with it."""
        if not self.discount_amount:
            return None
        code = self.order.voucher_code
        if not code:
            return str(_("Giảm giá theo mã khuyến mãi"))
        return str(_("Mã giảm giá: %(code)s") % {"code": code})


class OrderEventType(models.TextChoices):
    PLACED = "placed", _("Đã đặt hàng")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    CANCELED = "canceled", _("Đã hủy")
    EXPIRED = "expired", _("Hết hạn thanh toán")
    FULFILLMENT_FULFILLED_ITEMS = "fulfillment_fulfilled_items", _("Đã giao hàng")
    ORDER_MARKED_AS_PAID = "order_marked_as_paid", _("Đã đánh dấu đã thanh toán")
    ORDER_FULLY_PAID = "order_fully_paid", _("Đã thanh toán đủ")
    FULFILLMENT_RETURNED = "fulfillment_returned", _("Đã trả hàng")
    EMAIL_SENT = "email_sent", _("Đã gửi email")
    STATUS_CHANGED = "status_changed", _("Đổi trạng thái")
    NOTE_ADDED = "note_added", _("Ghi chú")


class OrderEvent(models.Model):
    """Append-only history: written by ``orders.events``, never updated or deleted."""

    order = models.ForeignKey(Order, related_name="events", on_delete=models.CASCADE)
    type = models.CharField(max_length=64, choices=OrderEventType.choices)
    date = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    parameters = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.order_id}: {self.type}"
