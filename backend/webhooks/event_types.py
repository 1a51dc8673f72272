"""Outbound webhook event types.

Values are the lower-case names Saleor sends in the ``Saleor-Event`` header
(``WebhookEventAsyncType.ORDER_CREATED == "order_created"``); member names are the
GraphQL enum names. The ``OCOP_*`` and ``PRODUCER_*`` types are ours.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WebhookEventType(models.TextChoices):
    ANY_EVENTS = "any_events", _("Mọi sự kiện")
    ORDER_CREATED = "order_created", _("Đơn hàng được tạo")
    ORDER_PAID = "order_paid", _("Đơn hàng đã thanh toán")
    ORDER_FULFILLED = "order_fulfilled", _("Đơn hàng đã giao đủ")
    ORDER_CANCELLED = "order_cancelled", _("Đơn hàng bị huỷ")
    PRODUCT_CREATED = "product_created", _("Sản phẩm được tạo")
    PRODUCT_UPDATED = "product_updated", _("Sản phẩm được cập nhật")
    PRODUCT_DELETED = "product_deleted", _("Sản phẩm bị xoá")
    CHECKOUT_UPDATED = "checkout_updated", _("Giỏ hàng được cập nhật")
    OCOP_CERTIFICATE_ISSUED = "ocop_certificate_issued", _("Giấy chứng nhận OCOP được cấp")
    OCOP_CERTIFICATE_REVOKED = "ocop_certificate_revoked", _("Giấy chứng nhận OCOP bị thu hồi")
    OCOP_CERTIFICATE_EXPIRED = "ocop_certificate_expired", _("Giấy chứng nhận OCOP hết hạn")
    PRODUCER_APPROVED = "producer_approved", _("Chủ thể được duyệt")


# Event types a caller may emit: ANY_EVENTS is only a subscription wildcard.
EMITTABLE_EVENT_TYPES = frozenset(WebhookEventType.values) - {WebhookEventType.ANY_EVENTS.value}
