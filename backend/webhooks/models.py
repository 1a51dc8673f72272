"""Webhook subscriptions, the transactional outbox of their events, and delivery attempts."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.core.models import TimeStampedModel
from backend.webhooks.event_types import WebhookEventType


class Webhook(TimeStampedModel):
    """A staff-managed subscription: events of the listed types are POSTed to ``target_url``."""

    name = models.CharField(_("tên"), max_length=255)
    target_url = models.URLField(_("địa chỉ nhận"), max_length=2048)
    secret_key = models.CharField(_("khoá bí mật"), max_length=255)
    events = ArrayField(
        models.CharField(max_length=64, choices=WebhookEventType.choices),
        default=list,
        verbose_name=_("sự kiện"),
    )
    is_active = models.BooleanField(_("đang hoạt động"), default=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhook")

    def __str__(self) -> str:
        return self.name


class WebhookEventStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ gửi")
    DELIVERED = "delivered", _("Đã gửi")
    FAILED = "failed", _("Gửi thất bại")


class WebhookEvent(models.Model):
    """One outbox row per (event, subscribed webhook), written in the emitter's transaction.

    ``attempts`` counts delivery attempts; ``next_attempt_at`` is when the next one is due
    (the beat job re-sends pending rows whose time has passed).
    """

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="outbox")
    event_type = models.CharField(max_length=64, choices=WebhookEventType.choices)
    payload = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    status = models.CharField(
        max_length=16, choices=WebhookEventStatus.choices, default=WebhookEventStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="webhook_event_pending_idx",
                condition=models.Q(status="pending"),
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_type} -> {self.webhook_id} ({self.status})"


class WebhookDelivery(models.Model):
    """One HTTP attempt at delivering a ``WebhookEvent``; never updated or deleted."""

    event = models.ForeignKey(WebhookEvent, on_delete=models.CASCADE, related_name="deliveries")
    attempted_at = models.DateTimeField(default=timezone.now)
    success = models.BooleanField(default=False)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(default=0)
    response_excerpt = models.TextField(blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = _("webhook deliveries")

    def __str__(self) -> str:
        return f"{self.event_id} @ {self.attempted_at:%Y-%m-%d %H:%M:%S} -> {self.status_code}"
