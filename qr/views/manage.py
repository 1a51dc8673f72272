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
from qr.forms import BatchForm, TraceEventForm, add_service_errors
from qr.labels import MAX_COLUMNS, MAX_ROWS
from qr.links import digital_link_path
from qr.models import LabelJobStatus
from qr.selectors import (
    batch_get_for_user,
    batch_list,
    label_job_get_for_user,
    scan_stats,
    trace_events_for_batch,
)

BATCH_PAGE_SIZE = 100
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
def batch_list_view(request: HttpRequest, producer: Producer) -> HttpResponse:
    """The producer's batches and a form to record a new one."""
    batches = list(batch_list(actor=request.user, producer=producer)[:BATCH_PAGE_SIZE])
    form = BatchForm(request.POST or None, producer=producer)
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.batch_create(
                actor=request.user, producer=producer, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("qr:batch_detail", producer_slug=producer.slug, batch_id=batch.pk)
    context = {"producer": producer, "batches": batches, "form": form}
    return render(request, "qr/manage_batches.html", context, status=400 if form.errors else 200)


@scoped
@require_http_methods(["GET", "POST"])
def batch_detail(request: HttpRequest, producer: Producer, batch_id: int) -> HttpResponse:
    batch = batch_get_for_user(actor=request.user, producer=producer, batch_id=batch_id)
    errors: list[str] = []
    issued: list[str] = []
    # Prefixed: the form's own "action" (EPCIS) must not meet the page's "action" switch.
    event_form = TraceEventForm(
        request.POST if request.POST.get("action") == "event" else None, prefix="event"
    )
    if request.method == "POST":
        try:
            if request.POST.get("action") == "event":
                if event_form.is_valid():
                    services.trace_event_record(
                        actor=request.user,
                        producer=producer,
                        batch=batch,
                        **event_form.cleaned_data,
                    )
                    return redirect(
                        "qr:batch_detail", producer_slug=producer.slug, batch_id=batch.pk
                    )
                errors = [str(message) for message in event_form.errors.values()]
            elif request.POST.get("action") == "serials":
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
        "events": trace_events_for_batch(batch),
        "epcis_path": digital_link_path(gtin=batch.gtin, lot=batch.lot_code),
        "event_form": event_form,
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
