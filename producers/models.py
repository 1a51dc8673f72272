from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backend.core.models import TimeStampedModel
from producers.permissions import is_authenticated, is_reviewing_staff
from producers.querysets import AppendOnlyQuerySet, ScopedQuerySet


class LegalForm(models.TextChoices):
    """Legal forms of OCOP producers (chủ thể OCOP)."""

    HOP_TAC_XA = "hop_tac_xa", _("Hợp tác xã (cooperative)")
    TO_HOP_TAC = "to_hop_tac", _("Tổ hợp tác (cooperative group)")
    HO_KINH_DOANH = "ho_kinh_doanh", _("Hộ kinh doanh (household business)")
    DOANH_NGHIEP = "doanh_nghiep", _("Doanh nghiệp (company)")
    CA_NHAN = "ca_nhan", _("Cá nhân (individual)")


class ProducerStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    PENDING = "pending", _("Đang chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Bị từ chối")
    SUSPENDED = "suspended", _("Tạm ngưng")


tax_code_validator = RegexValidator(
    r"^\d{10}(\d{3})?$", _("Mã số thuế phải có 10 hoặc 13 chữ số."), code="invalid_tax_code"
)


class ProducerQuerySet(ScopedQuerySet["Producer"]):
    def for_user(self, user: Any) -> ProducerQuerySet:
        """Producers the user works for; every producer for reviewing staff."""
        if is_reviewing_staff(user):
            return self._scope(self)
        if not is_authenticated(user):
            return self._scope(self.none())
        return self._scope(self.filter(members__user=user))

    def public(self) -> ProducerQuerySet:
        """Producers shoppers may see: approved ones (suspension hides a producer at once)."""
        return self._scope(self.filter(status=ProducerStatus.APPROVED))


class Producer(TimeStampedModel):
    """A seller on the marketplace: cooperative, household business, company or individual.

    Only ``APPROVED`` producers' published products are visible to shoppers.
    """

    legal_name = models.CharField(_("tên pháp lý"), max_length=255)
    name = models.CharField(_("tên thương mại"), max_length=255)
    slug = models.SlugField(max_length=255, unique=True)
    legal_form = models.CharField(max_length=32, choices=LegalForm.choices)
    tax_code = models.CharField(
        max_length=13,
        unique=True,
        null=True,
        blank=True,
        validators=[tax_code_validator],
        error_messages={"unique": _("Mã số thuế này đã được đăng ký cho một chủ thể khác.")},
    )
    business_registration_number = models.CharField(max_length=64, blank=True)
    province_code = models.CharField(max_length=8, db_index=True)
    commune_code = models.CharField(max_length=8, blank=True)
    street_address = models.CharField(max_length=255, blank=True)
    phone = models.CharField(max_length=20, blank=True)
    email = models.EmailField(blank=True)
    description = models.TextField(blank=True)
    logo = models.ImageField(upload_to="producers/logos/", blank=True)
    payout_bank_bin = models.CharField(max_length=6, blank=True)
    payout_account_number = models.CharField(max_length=19, blank=True)
    payout_account_holder = models.CharField(max_length=255, blank=True)
    status = models.CharField(
        max_length=16, choices=ProducerStatus.choices, default=ProducerStatus.DRAFT, db_index=True
    )

    objects = ProducerQuerySet.as_manager()
    unscoped_objects = models.Manager()

    class Meta:
        ordering = ["name", "pk"]
        default_manager_name = "unscoped_objects"

    def __str__(self) -> str:
        return self.name

    @property
    def is_approved(self) -> bool:
        return self.status == ProducerStatus.APPROVED

    @property
    def withholds_personal_tax(self) -> bool:
        """Decree 117/2025: the platform withholds tax for households and individuals."""
        return self.legal_form in {LegalForm.HO_KINH_DOANH, LegalForm.CA_NHAN}


class MemberRole(models.TextChoices):
    OWNER = "owner", _("Chủ sở hữu")
    STAFF = "staff", _("Nhân viên")


class _ProducerOwnedQuerySet(ScopedQuerySet[Any]):
    """Rows that belong to one producer through a ``producer`` foreign key."""

    def for_user(self, user: Any) -> Any:
        if is_reviewing_staff(user):
            return self._scope(self)
        if not is_authenticated(user):
            return self._scope(self.none())
        return self._scope(self.filter(producer__members__user=user))

    def for_producer(self, producer: Producer) -> Any:
        """Rows of a producer the caller already obtained through a scoped selector."""
        return self._scope(self.filter(producer=producer))


class ProducerMember(TimeStampedModel):
    """A user working for a producer; owners also submit the application."""

    producer = models.ForeignKey(Producer, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="producer_memberships"
    )
    role = models.CharField(max_length=16, choices=MemberRole.choices, default=MemberRole.STAFF)

    objects = _ProducerOwnedQuerySet.as_manager()
    unscoped_objects = models.Manager()

    class Meta:
        default_manager_name = "unscoped_objects"
        constraints = [
            models.UniqueConstraint(fields=["user", "producer"], name="producer_member_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.producer} ({self.role})"


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    SUBMITTED = "submitted", _("Đã nộp")
    IN_REVIEW = "in_review", _("Đang xét duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Bị từ chối")
    CHANGES_REQUESTED = "changes_requested", _("Cần bổ sung")


class OnboardingApplication(TimeStampedModel):
    """A producer's request to sell; one per producer, moved only by producers.onboarding."""

    producer = models.OneToOneField(Producer, on_delete=models.CASCADE, related_name="application")
    status = models.CharField(
        max_length=32,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
        db_index=True,
    )
    # The reviewer's reason for a rejection, or what to change; shown to the producer.
    review_note = models.TextField(blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = _ProducerOwnedQuerySet.as_manager()
    unscoped_objects = models.Manager()

    class Meta:
        default_manager_name = "unscoped_objects"

    def __str__(self) -> str:
        return f"{self.producer} ({self.status})"


class DocumentType(models.TextChoices):
    BUSINESS_LICENCE = "business_licence", _("Giấy chứng nhận đăng ký kinh doanh")
    FOOD_SAFETY = "food_safety", _("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm")
    VIETGAP = "vietgap", _("Chứng nhận VietGAP")
    GLOBALGAP = "globalgap", _("Chứng nhận GlobalGAP")
    OTHER = "other", _("Giấy tờ khác")


def private_storage() -> Storage:
    """Documents never go to the public media storage (settings.STORAGES["private"])."""
    return storages["private"]


def document_upload_path(instance: ProducerDocument, filename: str) -> str:
    # Random names: the original file name may carry personal data and must not be guessable.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"producers/{instance.producer_id}/documents/{uuid.uuid4().hex}.{extension}"


class ProducerDocument(TimeStampedModel):
    """A KYC document or certificate; the file lives in private storage only."""

    producer = models.ForeignKey(Producer, on_delete=models.CASCADE, related_name="documents")
    document_type = models.CharField(max_length=32, choices=DocumentType.choices)
    number = models.CharField(_("số hiệu"), max_length=64, blank=True)
    issuer = models.CharField(_("cơ quan cấp"), max_length=255, blank=True)
    issued_on = models.DateField(_("ngày cấp"), null=True, blank=True)
    expires_on = models.DateField(_("ngày hết hạn"), null=True, blank=True)
    file = models.FileField(storage=private_storage, upload_to=document_upload_path, max_length=255)
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = _ProducerOwnedQuerySet.as_manager()
    unscoped_objects = models.Manager()

    class Meta:
        default_manager_name = "unscoped_objects"
        ordering = ["producer", "document_type", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True)
                | Q(issued_on__isnull=True)
                | Q(expires_on__gte=models.F("issued_on")),
                name="producer_document_expires_after_issue",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_document_type_display()} {self.number}".strip()


class DocumentAccessLog(models.Model):
    """Who fetched (or was handed a presigned URL for) a private document, and when."""

    class Action(models.TextChoices):
        DOWNLOADED = "downloaded", _("Tải xuống")
        URL_ISSUED = "url_issued", _("Cấp đường dẫn có chữ ký")

    document = models.ForeignKey(
        ProducerDocument, on_delete=models.CASCADE, related_name="access_logs"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=16, choices=Action.choices)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.action} {self.document_id} by {self.user_id} at {self.at}"


class _EventBase(models.Model):
    """An append-only history row: who did what, when, with the state before and after."""

    type = models.CharField(max_length=32, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    before = models.CharField(max_length=32, blank=True)
    after = models.CharField(max_length=32, blank=True)
    payload = models.JSONField(default=dict, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.type} {self.before}->{self.after} at {self.at}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise TypeError(f"{type(self).__name__} rows are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError(f"{type(self).__name__} rows are append-only.")


class ProducerEvent(_EventBase):
    producer = models.ForeignKey(Producer, on_delete=models.CASCADE, related_name="events")

    class Meta(_EventBase.Meta):
        pass


class OnboardingEvent(_EventBase):
    application = models.ForeignKey(
        OnboardingApplication, on_delete=models.CASCADE, related_name="events"
    )

    class Meta(_EventBase.Meta):
        pass


class OnboardingNotification(models.Model):
    """Marks an onboarding event whose email went out, so a retried task sends it once."""

    event = models.OneToOneField(OnboardingEvent, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"event {self.event_id} notified at {self.sent_at}"


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ")
    VALIDATING = "validating", _("Đang kiểm tra")
    IMPORTING = "importing", _("Đang nhập")
    DONE = "done", _("Hoàn tất")
    FAILED = "failed", _("Có lỗi, chưa nhập gì")


class ProductImport(TimeStampedModel):
    """A bulk product import (CSV or XLSX): checked row by row, then imported whole or not at
    all by a Celery task. ``errors`` holds ``{row, column, message}`` dicts for the page."""

    producer = models.ForeignKey(Producer, on_delete=models.CASCADE, related_name="imports")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file_name = models.CharField(max_length=255)
    content = models.BinaryField()
    status = models.CharField(
        max_length=16, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_products = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)

    objects = _ProducerOwnedQuerySet.as_manager()
    unscoped_objects = models.Manager()

    class Meta:
        default_manager_name = "unscoped_objects"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status})"

    @property
    def percent(self) -> int:
        if self.status in {ImportStatus.DONE, ImportStatus.FAILED}:
            return 100
        return int(100 * self.processed_rows / self.total_rows) if self.total_rows else 0
