"""Services for label sheets: request a job (queued on commit) and run it in a worker."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.core.errors import NotFound
from producers.models import Producer

# Module imports (not names): qr.tasks imports this module back, and calls happen later.
from qr import events, tasks
from qr.error_codes import QrErrorCode
from qr.gs1 import build_digital_link
from qr.labels import MAX_COLUMNS, MAX_ROWS, MIN_COLUMNS, MIN_ROWS, LabelData, render_label_sheet
from qr.models import Batch, LabelJob, LabelJobStatus
from qr.selectors import certificate_for_product, producer_check_access


def _invalid(field: str, message: Any, code: QrErrorCode, **params: Any) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code.value, params=params)})


def label_job_create(
    *,
    actor: Any,
    producer: Producer,
    batch: Batch,
    total: int,
    columns: int = 3,
    rows: int = 8,
    use_serials: bool = False,
) -> LabelJob:
    """Create a label job and queue its rendering after commit. ``total`` is at most
    ``settings.QR_MAX_LABELS_PER_JOB``; with ``use_serials`` the batch must already have
    ``total`` serials (one label each)."""
    producer_check_access(actor=actor, producer=producer)
    if batch.producer_id != producer.pk:
        raise NotFound("Batch not found.", field="batch")
    limit = settings.QR_MAX_LABELS_PER_JOB
    if isinstance(total, bool) or not isinstance(total, int) or not 1 <= total <= limit:
        raise _invalid(
            "total", _("Số nhãn phải từ 1 đến %(limit)s."), QrErrorCode.TOO_MANY_LABELS, limit=limit
        )
    if not (MIN_COLUMNS <= columns <= MAX_COLUMNS and MIN_ROWS <= rows <= MAX_ROWS):
        raise _invalid(
            "columns",
            _("Lưới nhãn phải từ %(c1)s-%(c2)s cột và %(r1)s-%(r2)s hàng."),
            QrErrorCode.INVALID_GRID,
            c1=MIN_COLUMNS,
            c2=MAX_COLUMNS,
            r1=MIN_ROWS,
            r2=MAX_ROWS,
        )
    if use_serials and batch.serials.count() < total:
        raise _invalid("total", _("Lô này chưa có đủ mã serial."), QrErrorCode.NO_SERIALS)
    with transaction.atomic():
        job = LabelJob.objects.create(
            batch=batch,
            requested_by=actor if actor.is_authenticated else None,
            columns=columns,
            rows=rows,
            use_serials=use_serials,
            total=total,
        )
        events.batch_history_add(
            batch=batch, type=events.LABELS_REQUESTED, actor=actor, payload={"job": job.pk}
        )
        transaction.on_commit(lambda: tasks.generate_labels_task.delay(job.pk))
    return job


def _labels(job: LabelJob) -> Iterator[LabelData]:
    batch = job.batch
    product = batch.variant.product
    certificate = certificate_for_product(product)
    keep_until = batch.best_before_date or batch.expiry_date
    template = LabelData(
        url="",
        product_name=product.name,
        lot=batch.lot_code,
        produced=batch.production_date.strftime("%d/%m/%Y"),
        best_before=keep_until.strftime("%d/%m/%Y") if keep_until else "",
        stars=certificate.stars if certificate is not None and certificate.is_active else None,
    )
    base = settings.PUBLIC_URL
    if not job.use_serials:
        url = build_digital_link(base_url=base, gtin=batch.gtin, lot=batch.lot_code)
        for _index in range(job.total):
            yield replace(template, url=url)
        return
    serials = batch.serials.order_by("pk").values_list("serial", flat=True)[: job.total]
    for serial in serials.iterator(chunk_size=2000):
        url = build_digital_link(base_url=base, gtin=batch.gtin, lot=batch.lot_code, serial=serial)
        yield replace(template, url=url, serial=serial)


def label_job_run(*, job_id: int) -> LabelJob | None:
    """Render a job's PDF into private storage, reporting progress in ``LabelJob.done``.
    Idempotent: a finished job is left alone. None if the job no longer exists."""
    job = LabelJob.objects.select_related("batch__variant__product").filter(pk=job_id).first()
    if job is None or job.status == LabelJobStatus.DONE:
        return job
    LabelJob.objects.filter(pk=job.pk).update(status=LabelJobStatus.RUNNING, done=0)

    def progress(done: int) -> None:
        LabelJob.objects.filter(pk=job.pk).update(done=done)

    try:
        pdf = render_label_sheet(
            _labels(job), columns=job.columns, rows=job.rows, progress=progress
        )
    except Exception as error:
        LabelJob.objects.filter(pk=job.pk).update(
            status=LabelJobStatus.FAILED, error=str(error)[:255], finished_at=timezone.now()
        )
        raise
    job.file.save(f"labels-{job.pk}.pdf", ContentFile(pdf), save=False)
    LabelJob.objects.filter(pk=job.pk).update(
        file=job.file.name, status=LabelJobStatus.DONE, done=job.total, finished_at=timezone.now()
    )
    job.refresh_from_db()
    return job
