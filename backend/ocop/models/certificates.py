"""OCOP certificates (giấy chứng nhận): the only source of the stars shoppers see."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.core.models import TimeStampedModel

VALIDITY_MONTHS = 36


class CertificateStatus(models.TextChoices):
    ACTIVE = "active", _("Còn hiệu lực")
    EXPIRED = "expired", _("Hết hiệu lực")
    REVOKED = "revoked", _("Đã thu hồi")
    SUPERSEDED = "superseded", _("Đã được công nhận lại")


class IssuerLevel(models.TextChoices):
    PROVINCIAL = "provincial", _("UBND cấp tỉnh")
    CENTRAL = "central", _("Bộ Nông nghiệp và Môi trường")


class Certificate(TimeStampedModel):
    """A recognition decision for one product.

    Validity: ``valid_from`` (the decision date) to ``valid_until`` inclusive, both calendar
    dates in Asia/Ho_Chi_Minh; ``valid_until`` is the day before the 36-month anniversary, so
    the certificate holds until 23:59:59 on that day, Vietnam time, and not a moment after.
    ``status`` may lag behind the calendar until the daily job runs: read stars only
    through backend.ocop.selectors (``active_certificate_for_product`` and friends), which
    check both.
    """

    number = models.CharField(max_length=40, unique=True)
    application = models.OneToOneField(
        "ocop.CertificationApplication", on_delete=models.PROTECT, related_name="certificate"
    )
    product = models.ForeignKey(
        "catalog.Product", on_delete=models.PROTECT, related_name="ocop_certificates"
    )
    producer = models.ForeignKey(
        "producers.Producer", on_delete=models.PROTECT, related_name="ocop_certificates"
    )
    province_code = models.CharField(max_length=8, db_index=True)
    product_set = models.PositiveSmallIntegerField()
    stars = models.PositiveSmallIntegerField()
    score = models.DecimalField(max_digits=5, decimal_places=2)
    issuer_level = models.CharField(max_length=16, choices=IssuerLevel.choices)
    issuing_body = models.CharField(_("cơ quan cấp"), max_length=255)
    decision_number = models.CharField(_("số quyết định"), max_length=64)
    decision_date = models.DateField(_("ngày quyết định"))
    valid_from = models.DateField()
    valid_until = models.DateField(db_index=True)
    status = models.CharField(
        max_length=16,
        choices=CertificateStatus.choices,
        default=CertificateStatus.ACTIVE,
        db_index=True,
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revocation_reason = models.TextField(blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    expired_at = models.DateTimeField(null=True, blank=True)
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="superseded_by"
    )
    reminder_60_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_30_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-decision_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(stars__gte=3, stars__lte=5), name="ocop_certificate_stars_3_5"
            ),
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")),
                name="ocop_certificate_validity_order",
            ),
            # At most one active certificate per product: re-recognition supersedes.
            models.UniqueConstraint(
                fields=["product"],
                condition=models.Q(status="active"),
                name="ocop_certificate_one_active_per_product",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    def is_in_force_on(self, day: datetime.date) -> bool:
        """Active status and ``day`` (a Vietnam calendar date) inside the validity."""
        return (
            self.status == CertificateStatus.ACTIVE and self.valid_from <= day <= self.valid_until
        )

    def effective_status_on(self, day: datetime.date) -> str:
        """The status a reader should see on ``day``: an active row past its date is expired."""
        if self.status == CertificateStatus.ACTIVE and day > self.valid_until:
            return CertificateStatus.EXPIRED
        return self.status
