"""Certification applications, their dossier and the council's score sheets."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.core.models import TimeStampedModel


class ApplicationStatus(models.TextChoices):
    """Moves only through backend/ocop/transitions.py."""

    DRAFT = "draft", _("Bản nháp")
    SUBMITTED = "submitted", _("Đã nộp")
    COMMUNE_REVIEWED = "commune_reviewed", _("UBND xã đã xem xét")
    UNDER_ASSESSMENT = "under_assessment", _("Hội đồng đang chấm điểm")
    SCORED = "scored", _("Đã chấm điểm")
    PROPOSED_FIVE_STAR = "proposed_five_star", _("Đề nghị công nhận 5 sao")
    CERTIFIED = "certified", _("Đã công nhận")
    NOT_CERTIFIED = "not_certified", _("Không công nhận")


class CertificationApplication(TimeStampedModel):
    """A producer's request to have one product rated (hồ sơ đánh giá, phân hạng).

    ``score`` and ``stars`` are written only by the assessment service from council score
    sheets; ``reached_central_at`` is set when the province proposes five stars, and from
    then on the central council can see the application.
    """

    product = models.ForeignKey(
        "catalog.Product", on_delete=models.PROTECT, related_name="ocop_applications"
    )
    producer = models.ForeignKey(
        "producers.Producer", on_delete=models.PROTECT, related_name="ocop_applications"
    )
    product_set = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(26)]
    )
    criteria_set = models.ForeignKey(
        "ocop.CriteriaSet", on_delete=models.PROTECT, related_name="applications"
    )
    status = models.CharField(
        max_length=32,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
        db_index=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    stars = models.PositiveSmallIntegerField(null=True, blank=True)
    reached_central_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(product_set__gte=1, product_set__lte=26),
                name="ocop_application_product_set_range",
            ),
            models.CheckConstraint(
                condition=models.Q(stars__isnull=True) | models.Q(stars__gte=1, stars__lte=5),
                name="ocop_application_stars_range",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.product_id} ({self.status})"


def private_storage() -> Storage:
    """Dossier files never go to public media (settings.STORAGES["private"])."""
    return storages["private"]


def dossier_upload_path(instance: ApplicationDocument, filename: str) -> str:
    # Random names: an uploaded file name may carry personal data and must not be guessable.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"ocop/applications/{instance.application_id}/{uuid.uuid4().hex}.{extension}"


class ApplicationDocument(TimeStampedModel):
    """A dossier document (PDF or image) kept in private storage; streamed by access-checked
    views only."""

    application = models.ForeignKey(
        CertificationApplication, on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("tên tài liệu"), max_length=255)
    file = models.FileField(storage=private_storage, upload_to=dossier_upload_path, max_length=255)
    content_type = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["application", "pk"]

    def __str__(self) -> str:
        return self.title


class AssessmentLevel(models.TextChoices):
    PROVINCIAL = "provincial", _("Hội đồng cấp tỉnh")
    CENTRAL = "central", _("Hội đồng cấp trung ương")


class Assessment(models.Model):
    """One council's scoring of an application: every member's sheet, the averaged total and
    the stars that follow from it. Written once by ``assessment_submit``; never edited."""

    application = models.ForeignKey(
        CertificationApplication, on_delete=models.PROTECT, related_name="assessments"
    )
    level = models.CharField(max_length=16, choices=AssessmentLevel.choices)
    criteria_set = models.ForeignKey("ocop.CriteriaSet", on_delete=models.PROTECT, related_name="+")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    member_count = models.PositiveSmallIntegerField()
    # Per-criterion averages rounded down to 0.01 for display: {"A1": "12.33", ...}.
    criterion_averages = models.JSONField(default=dict)
    total = models.DecimalField(max_digits=5, decimal_places=2)
    stars = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["application", "submitted_at", "pk"]

    def __str__(self) -> str:
        return f"{self.application_id} {self.level}: {self.total}"


class AssessmentScore(models.Model):
    """One council member's points for one criterion."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    member_name = models.CharField(max_length=255)
    criterion = models.ForeignKey("ocop.Criterion", on_delete=models.PROTECT, related_name="+")
    points = models.DecimalField(max_digits=5, decimal_places=2)

    class Meta:
        ordering = ["assessment", "member_name", "criterion"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "member_name", "criterion"],
                name="ocop_assessment_score_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(points__gte=0), name="ocop_assessment_points_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_name} {self.criterion_id}={self.points}"
