"""Traceability data: batches (lots), EPCIS-shaped trace events, serials, scans, label jobs."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from qr.cbv import Action, EventType


def private_storage() -> Storage:
    return storages["private"]


class Batch(models.Model):
    """A production lot of one product variant (GS1 AI 10).

    ``gtin`` is the GTIN-14 printed on this batch's labels, fixed when the batch is created,
    so labels keep resolving even if the variant's GTIN is edited later. ``producer`` is the
    variant's producer, copied so that scoped queries need no join.
    """

    producer = models.ForeignKey(
        "producers.Producer", related_name="batches", on_delete=models.PROTECT
    )
    variant = models.ForeignKey(
        "catalog.ProductVariant", related_name="batches", on_delete=models.PROTECT
    )
    gtin = models.CharField(max_length=14)
    lot_code = models.CharField(_("số lô"), max_length=20)
    production_date = models.DateField(_("ngày sản xuất"))
    best_before_date = models.DateField(_("sử dụng tốt nhất trước"), null=True, blank=True)
    expiry_date = models.DateField(_("hạn sử dụng"), null=True, blank=True)
    quantity = models.PositiveIntegerField(_("số lượng"))
    unit = models.CharField(max_length=3, default="H87")
    origin_commune_code = models.CharField(_("mã xã xuất xứ"), max_length=8, blank=True)
    origin_area = models.CharField(_("vùng nguyên liệu"), max_length=255, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-production_date", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["gtin", "lot_code"], name="qr_batch_gtin_lot_unique"),
            models.CheckConstraint(
                condition=models.Q(expiry_date__isnull=True)
                | models.Q(expiry_date__gte=models.F("production_date")),
                name="qr_batch_expiry_after_production",
            ),
        ]
        indexes = [models.Index(fields=["producer", "-production_date"])]

    def __str__(self) -> str:
        return f"{self.gtin}/{self.lot_code}"


class TraceEvent(models.Model):
    """One GS1 EPCIS 2.0 event about a batch. Append-only: never updated or deleted.

    ``event_time`` is stored in UTC; ``event_time_zone_offset`` ("+07:00") is the offset
    where it happened, as EPCIS requires. Quantities are in ``Batch.unit``.
    """

    batch = models.ForeignKey(Batch, related_name="trace_events", on_delete=models.CASCADE)
    event_type = models.CharField(max_length=32, choices=EventType.choices)
    action = models.CharField(max_length=8, choices=Action.choices, blank=True)
    event_time = models.DateTimeField()
    event_time_zone_offset = models.CharField(max_length=6, default="+07:00")
    biz_step = models.CharField(max_length=40)
    disposition = models.CharField(max_length=40, blank=True)
    read_point = models.CharField(max_length=255, blank=True)
    biz_location = models.CharField(max_length=255, blank=True)
    quantity = models.PositiveIntegerField(null=True, blank=True)
    # TransformationEvent inputs: [{"epcClass": uri, "quantity": n, "uom": "KGM"}].
    inputs = models.JSONField(default=list, blank=True)
    ilmd = models.JSONField(default=dict, blank=True)
    description = models.CharField(_("mô tả"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["event_time", "pk"]

    def __str__(self) -> str:
        return f"{self.event_type} {self.biz_step} @ {self.event_time:%Y-%m-%d}"


class SerialCode(models.Model):
    """A per-unit serial (GS1 AI 21) issued for a batch; its scan counters are denormalised."""

    batch = models.ForeignKey(Batch, related_name="serials", on_delete=models.CASCADE)
    serial = models.CharField(max_length=20)
    scan_count = models.PositiveIntegerField(default=0)
    first_scanned_at = models.DateTimeField(null=True, blank=True)
    last_scanned_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["batch", "serial"], name="qr_serial_unique")]

    def __str__(self) -> str:
        return self.serial


class ScanResult(models.TextChoices):
    BATCH = "batch", _("Quét mã lô")
    GENUINE = "genuine", _("Mã hợp lệ")
    UNKNOWN = "unknown", _("Mã không tồn tại")
    FORGED = "forged", _("Mã sai chữ ký")


class Scan(models.Model):
    """One view of a trace page through a QR code (append-only)."""

    # Chosen by the page that queued the recording: task retries cannot count twice.
    token = models.UUIDField(unique=True)
    batch = models.ForeignKey(Batch, related_name="scans", on_delete=models.CASCADE)
    serial_code = models.ForeignKey(
        SerialCode, null=True, blank=True, related_name="scans", on_delete=models.CASCADE
    )
    # The serial as scanned, kept even when it matches nothing (forgery evidence).
    serial = models.CharField(max_length=20, blank=True)
    result = models.CharField(max_length=8, choices=ScanResult.choices)
    scanned_at = models.DateTimeField(db_index=True)
    user_agent = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-scanned_at", "-pk"]
        indexes = [models.Index(fields=["batch", "-scanned_at"])]

    def __str__(self) -> str:
        return f"{self.batch_id} {self.result} @ {self.scanned_at}"


class PlatformIdentifier(models.Model):
    """A platform-assigned GTIN-13 for a variant whose producer has no GS1 membership.

    The item reference is this row's primary key, so identifiers never repeat.
    """

    variant = models.OneToOneField(
        "catalog.ProductVariant", related_name="platform_identifier", on_delete=models.CASCADE
    )
    gtin = models.CharField(max_length=14, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.gtin


class LabelJobStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ")
    RUNNING = "running", _("Đang tạo")
    DONE = "done", _("Hoàn tất")
    FAILED = "failed", _("Lỗi")


class LabelJob(models.Model):
    """A PDF sheet of labels for one batch, rendered by a Celery task that reports progress."""

    batch = models.ForeignKey(Batch, related_name="label_jobs", on_delete=models.CASCADE)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    columns = models.PositiveSmallIntegerField(default=3)
    rows = models.PositiveSmallIntegerField(default=8)
    # With serials: one label per issued serial (up to ``total``); else ``total`` lot labels.
    use_serials = models.BooleanField(default=False)
    total = models.PositiveIntegerField()
    done = models.PositiveIntegerField(default=0)
    status = models.CharField(
        max_length=8, choices=LabelJobStatus.choices, default=LabelJobStatus.PENDING
    )
    error = models.CharField(max_length=255, blank=True)
    # Private storage: sheets with serials are as good as the goods' authenticity tokens.
    file = models.FileField(upload_to="labels/", blank=True, storage=private_storage)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"labels {self.batch_id} {self.status} {self.done}/{self.total}"

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, self.done * 100 // self.total)


class BatchHistory(models.Model):
    """Append-only audit of changes to a batch and its codes (written by qr.events)."""

    batch = models.ForeignKey(Batch, related_name="history", on_delete=models.CASCADE)
    type = models.CharField(max_length=32)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    payload = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.batch_id} {self.type}"
