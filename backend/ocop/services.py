"""Writes for certification applications and council assessments.

Every function takes the acting user, checks who may do it (backend/ocop/access.py), locks
the application row, moves the status through the transition table and writes an event.
Certificates are in certificate_services.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.catalog.models import Product
from backend.core.errors import DomainError, PermissionDenied
from backend.ocop import access
from backend.ocop.dates import vietnam_today
from backend.ocop.documents import validate_dossier_file
from backend.ocop.error_codes import OcopErrorCode as Code
from backend.ocop.events import application_event
from backend.ocop.models import (
    ApplicationDocument,
    ApplicationEventType,
    ApplicationStatus,
    Assessment,
    AssessmentLevel,
    AssessmentScore,
    CertificationApplication,
    CriteriaSet,
    Criterion,
    OfficialProfile,
    OfficialRole,
)
from backend.ocop.scoring import PRODUCT_SET_NUMBERS, stars_for_score
from backend.ocop.transitions import check_transition
from producers.models import ProducerStatus

CENT = Decimal("0.01")
OPEN_STATUSES = frozenset(ApplicationStatus) - {
    ApplicationStatus.CERTIFIED,
    ApplicationStatus.NOT_CERTIFIED,
}


def error(code: Code, message: Any, *, field: str | None = None, **params: Any) -> DomainError:
    return DomainError(code.value, str(message), field=field, params=params)


@dataclass(frozen=True)
class ScoreSheet:
    """One council member's points: (criterion code, points as Decimal/str/int) pairs."""

    member: str
    scores: Sequence[tuple[str, Any]]


def lock(application: CertificationApplication) -> CertificationApplication:
    """Re-read the application under a row lock; the caller is inside a transaction."""
    return CertificationApplication.objects.select_for_update().get(pk=application.pk)


def require_official(
    actor: Any,
    application: CertificationApplication,
    *,
    role: str | None = None,
    central: bool = False,
) -> OfficialProfile:
    """The actor's profile if it may act on ``application`` at this level, else raise.

    Not an official: PermissionDenied. Wrong role: WRONG_OFFICIAL_ROLE. Provincial steps
    need the producer's own province (OUTSIDE_JURISDICTION); central steps need CENTRAL.
    """
    profile = access.official_profile_of(actor)
    if profile is None:
        raise PermissionDenied(str(_("Chỉ cán bộ thẩm định OCOP được thực hiện thao tác này.")))
    if role is not None and profile.role != role:
        raise error(
            Code.WRONG_OFFICIAL_ROLE,
            _("Thao tác này dành cho vai trò %(role)s.") % {"role": OfficialRole(role).label},
            role=role,
        )
    if central:
        if not access.is_central(profile):
            raise error(
                Code.OUTSIDE_JURISDICTION,
                _("Chỉ Hội đồng cấp trung ương được xử lý hồ sơ đề nghị 5 sao."),
            )
    elif not access.covers_province(profile, application.producer.province_code):
        raise error(
            Code.OUTSIDE_JURISDICTION,
            _("Hồ sơ này không thuộc địa bàn tỉnh bạn phụ trách."),
        )
    return profile


def criteria_set_in_force(*, on: Any = None) -> CriteriaSet | None:
    """The newest criteria set in force on the Vietnam date ``on`` (default today)."""
    day = on or vietnam_today()
    candidates = CriteriaSet.objects.filter(effective_from__lte=day).order_by("-effective_from")
    return next((item for item in candidates if item.is_in_force(day)), None)


@transaction.atomic
def application_create(
    *, actor: Any, product: Product, product_set: int
) -> CertificationApplication:
    """A draft application of a member of the product's producer, against today's criteria."""
    producer = product.producer
    if producer.pk not in access.member_producer_ids(actor=actor):
        raise error(
            Code.NOT_PRODUCER_MEMBER,
            _("Bạn chỉ có thể đăng ký đánh giá sản phẩm của chủ thể mình."),
            field="product",
        )
    if producer.status != ProducerStatus.APPROVED:
        raise error(
            Code.PRODUCER_NOT_APPROVED,
            _("Chủ thể chưa được duyệt nên chưa thể đăng ký OCOP."),
            field="product",
        )
    if isinstance(product_set, bool) or product_set not in PRODUCT_SET_NUMBERS:
        raise error(
            Code.INVALID_PRODUCT_SET,
            _("Bộ sản phẩm phải là số từ 1 đến 26."),
            field="product_set",
        )
    criteria_set = criteria_set_in_force()
    if criteria_set is None:
        raise error(Code.NO_CRITERIA_SET_IN_FORCE, _("Chưa có bộ tiêu chí nào đang có hiệu lực."))
    # One open application per product at a time (the lock serialises concurrent creates).
    Product.objects.select_for_update().filter(pk=product.pk).first()
    if CertificationApplication.objects.filter(product=product, status__in=OPEN_STATUSES).exists():
        raise error(
            Code.APPLICATION_IN_PROGRESS,
            _("Sản phẩm này đang có hồ sơ OCOP chưa hoàn tất."),
            field="product",
        )
    application = CertificationApplication.objects.create(
        product=product,
        producer=producer,
        product_set=product_set,
        criteria_set=criteria_set,
        created_by=actor,
    )
    application_event(
        application=application,
        type=ApplicationEventType.CREATED,
        actor=actor,
        status_after=application.status,
        payload={"product_set": product_set, "criteria_set": criteria_set.code},
    )
    return application


def _require_member(actor: Any, application: CertificationApplication) -> None:
    if application.producer_id not in access.member_producer_ids(actor=actor):
        raise error(
            Code.NOT_PRODUCER_MEMBER,
            _("Bạn chỉ có thể thao tác trên hồ sơ của chủ thể mình."),
        )


@transaction.atomic
def application_document_add(
    *, actor: Any, application: CertificationApplication, upload: UploadedFile, title: str
) -> ApplicationDocument:
    """Store a dossier file (PDF/JPEG/PNG/WebP by content, size-limited) on a draft."""
    _require_member(actor, application)
    application = lock(application)
    if application.status != ApplicationStatus.DRAFT:
        raise error(Code.INVALID_TRANSITION, _("Chỉ bổ sung tài liệu khi hồ sơ còn là bản nháp."))
    if not title.strip():
        raise error(Code.REQUIRED, _("Hãy nhập tên tài liệu."), field="title")
    content_type = validate_dossier_file(upload)
    document = ApplicationDocument(
        application=application,
        title=title.strip(),
        content_type=content_type,
        size=upload.size or 0,
        uploaded_by=actor,
    )
    document.file.save(upload.name or "document", upload, save=False)
    document.save()
    application_event(
        application=application,
        type=ApplicationEventType.DOCUMENT_ADDED,
        actor=actor,
        payload={"document": document.pk, "title": document.title, "type": content_type},
    )
    return document


def _move(
    application: CertificationApplication,
    target: str,
    *,
    actor: Any,
    event_type: str,
    payload: dict[str, Any] | None = None,
    fields: Sequence[str] = (),
) -> CertificationApplication:
    before = application.status
    check_transition(before, target)
    application.status = target
    application.save(update_fields=["status", "updated_at", *fields])
    application_event(
        application=application,
        type=event_type,
        actor=actor,
        status_before=before,
        status_after=target,
        payload=payload,
    )
    return application


@transaction.atomic
def application_submit(
    *, actor: Any, application: CertificationApplication
) -> CertificationApplication:
    """The producer sends its draft to the commune (draft -> submitted)."""
    _require_member(actor, application)
    application = lock(application)
    check_transition(application.status, ApplicationStatus.SUBMITTED)
    application.submitted_at = timezone.now()
    return _move(
        application,
        ApplicationStatus.SUBMITTED,
        actor=actor,
        event_type=ApplicationEventType.SUBMITTED,
        fields=["submitted_at"],
    )


@transaction.atomic
def application_commune_review(
    *, actor: Any, application: CertificationApplication, note: str = ""
) -> CertificationApplication:
    """Record the commune's pre-assessment and proposal (submitted -> commune_reviewed)."""
    require_official(actor, application, role=OfficialRole.ASSESSOR)
    application = lock(application)
    return _move(
        application,
        ApplicationStatus.COMMUNE_REVIEWED,
        actor=actor,
        event_type=ApplicationEventType.COMMUNE_REVIEWED,
        payload={"note": note.strip()},
    )


@transaction.atomic
def application_assessment_start(
    *, actor: Any, application: CertificationApplication
) -> CertificationApplication:
    """The provincial council takes the application (commune_reviewed -> under_assessment)."""
    require_official(actor, application, role=OfficialRole.ASSESSOR)
    application = lock(application)
    return _move(
        application,
        ApplicationStatus.UNDER_ASSESSMENT,
        actor=actor,
        event_type=ApplicationEventType.ASSESSMENT_STARTED,
    )


@transaction.atomic
def application_decline(
    *, actor: Any, application: CertificationApplication, reason: str
) -> CertificationApplication:
    """The provincial approver decides not to certify a scored application."""
    require_official(actor, application, role=OfficialRole.APPROVER)
    application = lock(application)
    if not reason.strip():
        raise error(Code.REQUIRED, _("Hãy nêu lý do không công nhận."), field="reason")
    application.decision_note = reason.strip()
    return _move(
        application,
        ApplicationStatus.NOT_CERTIFIED,
        actor=actor,
        event_type=ApplicationEventType.NOT_CERTIFIED,
        payload={"reason": application.decision_note},
        fields=["decision_note"],
    )


def applicable_criteria(application: CertificationApplication) -> list[Criterion]:
    """The criteria of the application's set that apply to its product set, in sheet order."""
    criteria = Criterion.objects.filter(criteria_set=application.criteria_set).select_related(
        "part"
    )
    return [item for item in criteria if item.applies_to(application.product_set)]


@transaction.atomic
def assessment_submit(
    *, actor: Any, application: CertificationApplication, sheets: Sequence[ScoreSheet]
) -> Assessment:
    """Record the council's sheets, average them and derive the stars.

    Provincial council (under_assessment): a total of 90 or more proposes five stars to the
    central council, anything else is ``scored``. Central council (proposed_five_star): 90
    or more keeps the proposal for the Ministry's decision, less hands the application back
    to the province as ``scored``. All sheets are checked first; any bad value raises a
    ValidationError listing every problem and nothing is written.
    """
    central = application.status == ApplicationStatus.PROPOSED_FIVE_STAR
    require_official(actor, application, role=OfficialRole.ASSESSOR, central=central)
    application = lock(application)
    if application.status not in (
        ApplicationStatus.UNDER_ASSESSMENT,
        ApplicationStatus.PROPOSED_FIVE_STAR,
    ):
        check_transition(application.status, ApplicationStatus.SCORED)
    criteria = applicable_criteria(application)
    points = _validated_points(sheets, criteria)

    members = Decimal(len(sheets))
    exact = sum((sum(row.values(), Decimal(0)) for row in points.values()), Decimal(0)) / members
    # Rounding down never lifts a score over a band floor (floors are whole numbers).
    total = exact.quantize(CENT, rounding=ROUND_FLOOR)
    stars = stars_for_score(total)
    averages = {
        item.code: str(
            (sum(points[m][item.code] for m in points) / members).quantize(CENT, ROUND_FLOOR)
        )
        for item in criteria
    }
    assessment = Assessment.objects.create(
        application=application,
        level=AssessmentLevel.CENTRAL if central else AssessmentLevel.PROVINCIAL,
        criteria_set=application.criteria_set,
        submitted_by=actor,
        member_count=len(sheets),
        criterion_averages=averages,
        total=total,
        stars=stars,
    )
    by_code = {item.code: item for item in criteria}
    AssessmentScore.objects.bulk_create(
        AssessmentScore(
            assessment=assessment, member_name=member, criterion=by_code[code], points=value
        )
        for member, row in points.items()
        for code, value in row.items()
    )
    application.score, application.stars = total, stars
    payload = {"assessment": assessment.pk, "level": assessment.level, "total": str(total)}
    payload["stars"] = stars
    if stars == 5:
        if not central:
            application.reached_central_at = timezone.now()
            _move(
                application,
                ApplicationStatus.PROPOSED_FIVE_STAR,
                actor=actor,
                event_type=ApplicationEventType.PROPOSED_FIVE_STAR,
                payload=payload,
                fields=["score", "stars", "reached_central_at"],
            )
        else:
            application.save(update_fields=["score", "stars", "updated_at"])
            application_event(
                application=application,
                type=ApplicationEventType.ASSESSMENT_SUBMITTED,
                actor=actor,
                status_before=application.status,
                status_after=application.status,
                payload=payload,
            )
    else:
        _move(
            application,
            ApplicationStatus.SCORED,
            actor=actor,
            event_type=ApplicationEventType.ASSESSMENT_SUBMITTED,
            payload=payload,
            fields=["score", "stars"],
        )
    return assessment


def _validated_points(
    sheets: Sequence[ScoreSheet], criteria: Sequence[Criterion]
) -> dict[str, dict[str, Decimal]]:
    """member -> criterion code -> points, or a ValidationError naming every bad value."""
    problems: list[ValidationError] = []

    def problem(code: Code, message: Any, **params: Any) -> None:
        problems.append(ValidationError(str(message % params), code=code.value, params=params))

    if not sheets:
        problem(Code.NO_COUNCIL_MEMBERS, _("Cần ít nhất một phiếu chấm của thành viên hội đồng."))
    by_code = {item.code: item for item in criteria}
    result: dict[str, dict[str, Decimal]] = {}
    for sheet in sheets:
        member = sheet.member.strip()
        if not member:
            problem(Code.REQUIRED, _("Phiếu chấm thiếu tên thành viên hội đồng."))
            continue
        if member in result:
            problem(Code.DUPLICATE_MEMBER, _("Thành viên %(member)s có hai phiếu."), member=member)
            continue
        row: dict[str, Decimal] = {}
        seen: set[str] = set()
        for code, raw in sheet.scores:
            if code in seen:
                problem(
                    Code.DUPLICATE_SCORE,
                    _("Phiếu của %(member)s chấm tiêu chí %(criterion)s hai lần."),
                    criterion=code,
                    member=member,
                )
                continue
            seen.add(code)
            criterion = by_code.get(code)
            if criterion is None:
                problem(
                    Code.UNKNOWN_CRITERION,
                    _("Tiêu chí %(criterion)s không thuộc bộ tiêu chí của hồ sơ."),
                    criterion=code,
                )
                continue
            value = _decimal(raw)
            if value is None:
                problem(
                    Code.INVALID_SCORE,
                    _("Điểm %(criterion)s của %(member)s không hợp lệ (tối đa 2 chữ số lẻ)."),
                    criterion=code,
                    member=member,
                )
            elif value < 0:
                problem(
                    Code.NEGATIVE_SCORE,
                    _("Điểm %(criterion)s của %(member)s không được âm."),
                    criterion=code,
                    member=member,
                )
            elif value > criterion.max_points:
                problem(
                    Code.SCORE_ABOVE_MAXIMUM,
                    _("Điểm %(criterion)s của %(member)s vượt quá tối đa %(maximum)s."),
                    criterion=code,
                    member=member,
                    maximum=criterion.max_points,
                )
            else:
                row[code] = value
        for code in by_code:
            if code not in seen:
                problem(
                    Code.MISSING_SCORE,
                    _("Phiếu của %(member)s thiếu điểm tiêu chí %(criterion)s."),
                    criterion=code,
                    member=member,
                )
        result[member] = row
    if problems:
        raise ValidationError({"sheets": problems})
    return result


def _decimal(raw: Any) -> Decimal | None:
    if isinstance(raw, bool | float) or raw is None:
        return None
    try:
        value = raw if isinstance(raw, Decimal) else Decimal(str(raw).strip())
        if not value.is_finite() or value != value.quantize(CENT, rounding=ROUND_FLOOR):
            return None
    except InvalidOperation:
        return None
    return value
