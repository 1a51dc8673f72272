"""Append-only history of applications and their certificates."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationEventType(models.TextChoices):
    CREATED = "created", _("Tạo hồ sơ")
    DOCUMENT_ADDED = "document_added", _("Thêm tài liệu")
    SUBMITTED = "submitted", _("Nộp hồ sơ")
    COMMUNE_REVIEWED = "commune_reviewed", _("UBND xã xem xét, đề xuất")
    ASSESSMENT_STARTED = "assessment_started", _("Bắt đầu chấm điểm")
    ASSESSMENT_SUBMITTED = "assessment_submitted", _("Nộp phiếu chấm điểm")
    PROPOSED_FIVE_STAR = "proposed_five_star", _("Đề nghị trung ương công nhận 5 sao")
    CERTIFICATE_ISSUED = "certificate_issued", _("Cấp giấy chứng nhận")
    NOT_CERTIFIED = "not_certified", _("Không công nhận")
    CERTIFICATE_REVOKED = "certificate_revoked", _("Thu hồi giấy chứng nhận")
    CERTIFICATE_SUPERSEDED = "certificate_superseded", _("Công nhận lại (thay thế)")
    CERTIFICATE_EXPIRED = "certificate_expired", _("Hết hiệu lực")
    EXPIRY_REMINDER_SENT = "expiry_reminder_sent", _("Nhắc hạn giấy chứng nhận")


class ImmutableEventError(RuntimeError):
    """Events are history: they are never changed or deleted."""


class AppendOnlyQuerySet(models.QuerySet["ApplicationEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise ImmutableEventError("OCOP application events cannot be updated.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ImmutableEventError("OCOP application events cannot be deleted.")


class ApplicationEvent(models.Model):
    """Who did what to an application (or its certificate), when, and the state before/after.

    Immutable: ORM updates and deletes raise, and a database trigger (migration 0003)
    refuses UPDATE and DELETE from any client.
    """

    application = models.ForeignKey(
        "ocop.CertificationApplication", on_delete=models.PROTECT, related_name="events"
    )
    certificate = models.ForeignKey(
        "ocop.Certificate", null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    type = models.CharField(max_length=32, choices=ApplicationEventType.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    status_before = models.CharField(max_length=32, blank=True)
    status_after = models.CharField(max_length=32, blank=True)
    payload = models.JSONField(default=dict, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.application_id} {self.type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableEventError("OCOP application events cannot be updated.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ImmutableEventError("OCOP application events cannot be deleted.")
