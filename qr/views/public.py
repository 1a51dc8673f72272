"""Public traceability endpoints: the GS1 Digital Link resolver, trace pages, EPCIS export
and QR images. None needs a session; all answer bad input with a clear 400/404 page."""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.encoding import escape_uri_path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from qr import links as qr_links
from qr.epcis import batch_epcis_document
from qr.gs1 import DigitalLinkKey, GS1Error, build_digital_link, parse_digital_link_path
from qr.rendering import qr_png, qr_svg
from qr.scan_buffer import scan_push
from qr.selectors import (
    batch_for_key,
    certificate_for_product,
    serial_code_get,
    trace_events_for_batch,
    variant_for_gtin,
)
from qr.trace_page import NOTICE_MARKER, cached_batch_page, render_notice, serial_notice


def _error(request: HttpRequest, status: int, title: Any, detail: str = "") -> HttpResponse:
    response = render(request, "qr/error.html", {"title": title, "detail": detail}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _raw_path(request: HttpRequest) -> str:
    """The still-percent-encoded path: servers that keep it (gunicorn RAW_URI, uWSGI
    REQUEST_URI) give it exactly; otherwise the decoded path is re-encoded, which turns an
    encoded slash into a real one, and the parser then refuses the extra segment."""
    raw = request.META.get("RAW_URI") or request.META.get("REQUEST_URI")
    if raw:
        return urlsplit(raw).path
    return escape_uri_path(request.path)


def _parse(request: HttpRequest) -> DigitalLinkKey | HttpResponse:
    try:
        return parse_digital_link_path(_raw_path(request))
    except GS1Error as error:
        return _error(request, 400, _("Mã truy xuất không hợp lệ"), str(error))


@require_safe
def resolver(request: HttpRequest) -> HttpResponse:
    """GS1 Digital Link resolver: 307 to the default link with every link in ``Link``;
    ``?linkType=`` picks one; ``all``/``linkset`` returns the RFC 9264 linkset. An unknown
    lot walks up to the GTIN (product page)."""
    key = _parse(request)
    if isinstance(key, HttpResponse):
        return key
    batch = batch_for_key(gtin=key.gtin, lot=key.lot) if key.lot else None
    absolute = request.build_absolute_uri
    if batch is not None:
        links = qr_links.batch_links(
            absolute=absolute,
            batch=batch,
            serial=key.serial,
            certificate=certificate_for_product(batch.variant.product),
        )
    else:
        variant = variant_for_gtin(key.gtin)
        if variant is None:
            return _error(request, 404, _("Không tìm thấy sản phẩm với mã GTIN này"), key.gtin)
        links = qr_links.product_links(absolute=absolute, product=variant.product)
    link_type = request.GET.get("linkType", "").strip()
    if link_type in ("all", "linkset"):
        anchor = absolute(qr_links.digital_link_path(gtin=key.gtin, lot=key.lot, serial=key.serial))
        response: HttpResponse = JsonResponse(
            qr_links.linkset(anchor, links), content_type="application/linkset+json"
        )
    else:
        wanted = qr_links.normalize_link_type(link_type) if link_type else qr_links.DEFAULT_LINK
        matching = [link for link in links if link.rel == wanted]
        if not matching:
            return _error(request, 404, _("Không có liên kết loại này"), link_type)
        response = HttpResponse(status=307)
        response["Location"] = matching[0].href
    response["Link"] = ", ".join(link.header_value() for link in links)
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_safe
def resolver_description(request: HttpRequest) -> JsonResponse:
    """/.well-known/gs1resolver: what this resolver supports (GS1 resolver standard)."""
    root = request.build_absolute_uri("/")
    return JsonResponse(
        {
            "name": "OCOP Market GS1 Digital Link resolver",
            "resolverRoot": root.rstrip("/"),
            "supportedPrimaryKeys": ["01"],
            "supportedQualifiers": ["10", "21"],
            "linkTypeDefaultCanBeLinkset": False,
            "supportedLinkType": [
                qr_links.link_type_uri(rel)
                for rel in (
                    "gs1:defaultLink",
                    "gs1:pip",
                    "gs1:traceability",
                    "gs1:epcis",
                    "gs1:certificationInfo",
                )
            ],
            "supportedContextValuesEnumerated": [],
            "validatedLanguages": [code for code, _name in settings.LANGUAGES],
        }
    )


@require_safe
def trace(request: HttpRequest) -> HttpResponse:
    """The public trace page of /trace/01/<gtin>/10/<lot>[/21/<serial>]."""
    key = _parse(request)
    if isinstance(key, HttpResponse):
        return key
    if not key.lot:
        return _error(request, 404, _("Mã truy xuất phải có số lô"))
    page = cached_batch_page(gtin=key.gtin, lot=key.lot)
    if page is None:
        return _error(request, 404, _("Không tìm thấy lô hàng này"), key.lot)
    html, etag = page.html, page.etag
    if key.serial:
        notice = render_notice(
            serial_notice(batch_id=page.batch_id, gtin=key.gtin, lot=key.lot, serial=key.serial)
        )
        html = html.replace(NOTICE_MARKER, notice, 1)
        etag = hashlib.sha256((etag + notice).encode()).hexdigest()[:32]
    if request.method == "GET":  # link checkers' HEAD requests are not scans
        scan_push(
            token=uuid.uuid4().hex,
            batch_id=page.batch_id,
            serial=key.serial or "",
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
            scanned_at=timezone.now(),
        )
    quoted = f'"{etag}"'
    if quoted in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(html)
    response["ETag"] = quoted
    # Serial pages carry a live scan count: revalidate every time (and so count the scan).
    response["Cache-Control"] = (
        "private, no-cache" if key.serial else f"public, max-age={settings.QR_TRACE_CACHE_SECONDS}"
    )
    response["Vary"] = "Accept-Language, Cookie"
    return response


@require_safe
def epcis(request: HttpRequest) -> HttpResponse:
    """The batch's events as an EPCIS 2.0 JSON-LD EPCISDocument."""
    key = _parse(request)
    if isinstance(key, HttpResponse):
        return key
    batch = batch_for_key(gtin=key.gtin, lot=key.lot) if key.lot and not key.serial else None
    if batch is None:
        return _error(request, 404, _("Không tìm thấy lô hàng này"))
    document = batch_epcis_document(batch, trace_events_for_batch(batch))
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False), content_type="application/ld+json"
    )
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_safe
def qr_image(request: HttpRequest, fmt: str) -> HttpResponse:
    """PNG or SVG QR code of a batch's or serial's Digital Link (``?ec=Q`` for level Q)."""
    key = _parse(request)
    if isinstance(key, HttpResponse):
        return key
    batch = batch_for_key(gtin=key.gtin, lot=key.lot) if key.lot else None
    if batch is None or (key.serial and serial_code_get(batch=batch, serial=key.serial) is None):
        return _error(request, 404, _("Không tìm thấy mã này"))
    level = "Q" if request.GET.get("ec") == "Q" else "M"
    url = build_digital_link(
        base_url=settings.PUBLIC_URL, gtin=key.gtin, lot=key.lot, serial=key.serial
    )
    if fmt == "svg":
        response = HttpResponse(qr_svg(url, error_correction=level), content_type="image/svg+xml")
    else:
        response = HttpResponse(qr_png(url, error_correction=level), content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    return response
