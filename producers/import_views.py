"""Bulk import pages: upload, template download, progress (meta refresh, no JavaScript)."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from backend.core.errors import DomainError, PermissionDenied
from producers import import_services, imports
from producers.models import ImportStatus, ProductImport
from producers.views import _producer, _workspace

RUNNING = (ImportStatus.PENDING, ImportStatus.VALIDATING, ImportStatus.IMPORTING)


@login_required
def import_start(request: HttpRequest, slug: str) -> HttpResponse:
    producer = _producer(request, slug)
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, imports.gettext_required())
        elif (upload.size or 0) > imports.MAX_IMPORT_BYTES:
            messages.error(request, str(imports.too_large()))
        else:
            try:
                job = import_services.product_import_start(
                    actor=request.user,
                    producer_id=producer.pk,
                    file_name=upload.name or "",
                    content=upload.read(),
                )
            except PermissionDenied as exc:
                raise Http404(exc.message) from exc
            except DomainError as exc:
                messages.error(request, str(exc.message))
            else:
                return redirect("producers:workspace-import", slug=producer.slug, pk=job.pk)
    return _workspace(
        request,
        "producers/workspace/import.html",
        producer,
        jobs=ProductImport.objects.for_producer(producer)[:10],
        columns=imports.COLUMNS,
        max_rows=imports.MAX_IMPORT_ROWS,
        active="producers:workspace-import-start",
    )


@login_required
def import_progress(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    producer = _producer(request, slug)
    job = ProductImport.objects.for_producer(producer).filter(pk=pk).first()
    if job is None:
        raise Http404()
    return _workspace(
        request,
        "producers/workspace/import_progress.html",
        producer,
        job=job,
        running=job.status in RUNNING,
        active="producers:workspace-import-start",
    )


@login_required
def import_template(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    _producer(request, slug)
    if fmt == "xlsx":
        response = HttpResponse(
            imports.template_xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        output = io.StringIO()
        writer = csv.writer(output)
        writer.writerow(imports.COLUMNS)
        writer.writerow([*imports.EXAMPLE, "", ""])
        response = HttpResponse(
            "\ufeff" + output.getvalue(), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="mau-nhap-san-pham.{fmt}"'
    return response
