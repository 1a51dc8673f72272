"""The officials' console: thin views over the same services and selectors as the API."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from backend.accounts import vn_units
from backend.core.errors import DomainError, NotFound
from backend.ocop import access, certificate_services, selectors, services
from backend.ocop.models import ApplicationStatus, Certificate
from backend.ocop.scoring import STAR_BANDS

MAX_MEMBERS = 15


def official_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Signed-in officials (or platform staff, read only in practice); others get 403."""

    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        user: Any = request.user
        if access.official_profile_of(user) is None and not user.is_staff:
            raise DjangoPermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


def _report(request: HttpRequest, exc: Exception) -> None:
    if isinstance(exc, ValidationError):
        for error in exc.messages:
            messages.error(request, error)
    elif isinstance(exc, DomainError):
        messages.error(request, exc.message)


@official_required
def queue(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status") or ""
    if status not in ApplicationStatus.values:
        status = ""
    applications = selectors.applications_for_user(actor=request.user, status=status or None)
    stats = selectors.statistics_for_official(actor=request.user)
    return render(
        request,
        "ocop/queue.html",
        {
            "applications": applications.order_by("-created_at", "-pk")[:200],
            "status": status,
            "tabs": [
                (value, ApplicationStatus(value).label, count)
                for value, count in stats.applications_by_status
            ],
            "profile": access.official_profile_of(request.user),
        },
    )


def _sheet_rows(application: Any) -> list[dict[str, Any]]:
    parts: dict[str, dict[str, Any]] = {}
    for criterion in services.applicable_criteria(application):
        part = parts.setdefault(criterion.part.code, {"part": criterion.part, "criteria": []})
        part["criteria"].append(criterion)
    return list(parts.values())


def _sheets_from_post(request: HttpRequest, application: Any) -> list[services.ScoreSheet]:
    codes = [criterion.code for criterion in services.applicable_criteria(application)]
    sheets = []
    for index in range(MAX_MEMBERS):
        member = request.POST.get(f"member-{index}", "").strip()
        if not member:
            continue
        scores = [(code, request.POST.get(f"score-{index}-{code}", "").strip()) for code in codes]
        sheets.append(
            services.ScoreSheet(member=member, scores=[(c, p) for c, p in scores if p != ""])
        )
    return sheets


@official_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        application = selectors.application_get_for_user(actor=request.user, pk=pk)
    except NotFound as exc:
        raise DjangoPermissionDenied from exc  # never say whether it exists elsewhere
    if request.method == "POST":
        _act(request, application)
        return redirect("ocop:application", pk=pk)
    try:
        members = max(1, min(MAX_MEMBERS, int(request.GET.get("members", "3"))))
    except ValueError:
        members = 3
    try:
        certificate = application.certificate
    except Certificate.DoesNotExist:
        certificate = None
    return render(
        request,
        "ocop/application.html",
        {
            "application": application,
            "parts": _sheet_rows(application),
            "members": range(members),
            "member_count": members,
            "events": application.events.select_related("actor"),
            "assessments": application.assessments.all(),
            "documents": application.documents.all(),
            "certificate": certificate,
            "bands": [(str(floor), stars) for floor, stars in STAR_BANDS],
            "today": datetime.date.today().isoformat(),
        },
    )


def _act(request: HttpRequest, application: Any) -> None:
    action = request.POST.get("action")
    actor = request.user
    try:
        if action == "commune_review":
            services.application_commune_review(
                actor=actor, application=application, note=request.POST.get("note", "")
            )
        elif action == "start":
            services.application_assessment_start(actor=actor, application=application)
        elif action == "assess":
            assessment = services.assessment_submit(
                actor=actor, application=application, sheets=_sheets_from_post(request, application)
            )
            messages.success(
                request,
                _("Tổng điểm %(total)s: %(stars)s sao.")
                % {"total": assessment.total, "stars": assessment.stars},
            )
        elif action == "issue":
            certificate_services.certificate_issue(
                actor=actor,
                application=application,
                decision_number=request.POST.get("decision_number", ""),
                decision_date=_date(request.POST.get("decision_date", "")),
            )
        elif action == "decline":
            services.application_decline(
                actor=actor, application=application, reason=request.POST.get("reason", "")
            )
    except (DomainError, ValidationError) as exc:
        _report(request, exc)


def _date(raw: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError as exc:
        raise ValidationError(_("Ngày quyết định không hợp lệ."), code="INVALID") from exc


@official_required
def document_download(request: HttpRequest, pk: int, document_pk: int) -> FileResponse:
    try:
        application = selectors.application_get_for_user(actor=request.user, pk=pk)
    except NotFound as exc:
        raise DjangoPermissionDenied from exc
    document = get_object_or_404(application.documents, pk=document_pk)
    response = FileResponse(document.file.open("rb"), content_type=document.content_type)
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@official_required
def certificate_revoke(request: HttpRequest, number: str) -> HttpResponse:
    certificate = (
        selectors.certificates_for_official(actor=request.user).filter(number=number).first()
    )
    if certificate is None:
        raise DjangoPermissionDenied
    try:
        certificate_services.certificate_revoke(
            actor=request.user, certificate=certificate, reason=request.POST.get("reason", "")
        )
    except (DomainError, ValidationError) as exc:
        _report(request, exc)
    return redirect("ocop:application", pk=certificate.application_id)


@official_required
def statistics(request: HttpRequest) -> HttpResponse:
    stats = selectors.statistics_for_official(actor=request.user)
    star_max = max([count for _, count in stats.by_stars] + [1])
    province_max = max([count for _, count in stats.by_province] + [1])
    return render(
        request,
        "ocop/statistics.html",
        {
            "by_stars": [
                (stars, count, Decimal(100) * count / star_max) for stars, count in stats.by_stars
            ],
            "by_province": [
                (_province_name(code), count, Decimal(100) * count / province_max)
                for code, count in stats.by_province
            ],
            "expiring": stats.expiring_soon,
            "total": sum(count for _, count in stats.by_stars),
        },
    )


def _province_name(code: str) -> str:
    province = vn_units.province_by_code(code)
    return province.name if province else code
