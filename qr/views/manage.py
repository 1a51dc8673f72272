"""Workspace pages for producers and staff: scan statistics, serials, label sheets.

Thin views: the producer comes from the URL, access is decided by the scoped selectors
(another producer's batch is a 404, a user who may not act for the producer gets 403).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseForbidden
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from backend.core.errors import NotFound, PermissionDenied
from producers.models import Producer
from qr import label_jobs, services
from qr.labels import MAX_COLUMNS, MAX_ROWS
from qr.models import LabelJobStatus
from qr.selectors import batch_get_for_user, label_job_get_for_user, scan_stats

View = Callable[..., HttpResponseBase]


def scoped(view: View) -> View:
    """Resolve ``producer_slug`` and turn scope errors into 404/403 without detail."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, producer_slug: str, **kwargs: Any) -> HttpResponseBase:
        producer = get_object_or_404(Producer, slug=producer_slug)
        try:
            return view(request, producer, **kwargs)
        except NotFound:
            return render(request, "qr/error.html", {"title": "404"}, status=404)
        except PermissionDenied:
            return HttpResponseForbidden()

    return wrapper


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value not in (None, "") else default  # type: ignore[arg-type]
    except ValueError:
        return -1  # out of every allowed range: the service reports the field


@scoped
@require_http_methods(["GET", "POST"])
def batch_detail(request: HttpRequest, producer: Producer, batch_id: int) -> HttpResponse:
    batch = batch_get_for_user(actor=request.user, producer=producer, batch_id=batch_id)
    errors: list[str] = []
    issued: list[str] = []
    if request.method == "POST":
        try:
            if request.POST.get("action") == "serials":
                issued = services.serials_issue(
                    actor=request.user,
                    producer=producer,
                    batch=batch,
                    count=_int(request.POST.get("count"), 0),
                )
            else:
                job = label_jobs.label_job_create(
                    actor=request.user,
                    producer=producer,
                    batch=batch,
                    total=_int(request.POST.get("total"), 0),
                    columns=_int(request.POST.get("columns"), 3),
                    rows=_int(request.POST.get("rows"), 8),
                    use_serials=request.POST.get("use_serials") == "on",
                )
                return redirect("qr:label_job", producer_slug=producer.slug, job_id=job.pk)
        except ValidationError as error:
            errors = [str(message) for message in error.messages]
    stats = scan_stats(
        actor=request.user,
        producer=producer,
        batch=batch,
        threshold=settings.QR_SCAN_WARNING_THRESHOLD,
    )
    context = {
        "producer": producer,
        "batch": batch,
        "stats": stats,
        "errors": errors,
        "issued_count": len(issued),
        "serial_count": batch.serials.count(),
        "max_columns": MAX_COLUMNS,
        "max_rows": MAX_ROWS,
        "max_labels": settings.QR_MAX_LABELS_PER_JOB,
        "max_serials": settings.QR_MAX_SERIALS_PER_REQUEST,
    }
    return render(request, "qr/manage_batch.html", context, status=400 if errors else 200)


@scoped
@require_http_methods(["GET"])
def label_job(request: HttpRequest, producer: Producer, job_id: int) -> HttpResponse:
    """Progress page: refreshes itself with <meta refresh> until the PDF is ready (no JS)."""
    job = label_job_get_for_user(actor=request.user, producer=producer, job_id=job_id)
    running = job.status in (LabelJobStatus.PENDING, LabelJobStatus.RUNNING)
    return render(
        request, "qr/label_job.html", {"producer": producer, "job": job, "running": running}
    )


@scoped
@require_http_methods(["GET"])
def label_job_pdf(request: HttpRequest, producer: Producer, job_id: int) -> FileResponse:
    job = label_job_get_for_user(actor=request.user, producer=producer, job_id=job_id)
    if job.status != LabelJobStatus.DONE or not job.file:
        raise NotFound("Label sheet not ready.")
    return FileResponse(
        job.file.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"nhan-{job.batch.lot_code}-{job.pk}.pdf",
    )
