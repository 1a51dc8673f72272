"""The public OCOP certificate registry and the verification page the QR codes link to."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from backend.ocop.models import CertificateStatus
from backend.ocop.selectors import (
    certificate_effective_status,
    certificate_get_by_number,
    certificates_public_list,
)
from storefront_theme.forms import CertificateSearchForm

REGISTRY_PAGE_SIZE = 30


def registry(request: HttpRequest) -> HttpResponse:
    form = CertificateSearchForm(request.GET)
    certificates = certificates_public_list(**form.query()).order_by("-decision_date", "-pk")
    page = Paginator(certificates, REGISTRY_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(c, CertificateStatus(certificate_effective_status(c))) for c in page.object_list]
    return render(
        request, "storefront/certificates.html", {"form": form, "page": page, "rows": rows}
    )


def verify(request: HttpRequest, number: str) -> HttpResponse:
    certificate = certificate_get_by_number(number)
    if certificate is None:
        unknown = {"number": number}
        return render(request, "storefront/certificate_unknown.html", unknown, status=404)
    status = CertificateStatus(certificate_effective_status(certificate))
    context: dict[str, Any] = {
        "certificate": certificate,
        "status": status,
        "is_active": status == CertificateStatus.ACTIVE,
    }
    return render(request, "storefront/certificate.html", context)
