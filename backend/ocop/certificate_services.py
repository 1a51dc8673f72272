"""Writes for certificates: issue, re-recognise (renew), revoke, expire, remind.

Who may issue: a provincial approver of the producer's province for 3 and 4 stars; only a
central approver (Ministry of Agriculture and Environment) for 5 stars (Decision 1489/QĐ-TTg).
"""

from __future__ import annotations

import datetime
import uuid
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.accounts import vn_units
from backend.core.errors import PermissionDenied
from backend.ocop import access
from backend.ocop.dates import validity_end, vietnam_today
from backend.ocop.error_codes import OcopErrorCode as Code
from backend.ocop.events import application_event
from backend.ocop.models import (
    ApplicationEventType,
    ApplicationStatus,
    Certificate,
    CertificateStatus,
    CertificationApplication,
    IssuerLevel,
    OfficialRole,
)
from backend.ocop.models.certificates import VALIDITY_MONTHS
from backend.ocop.scoring import is_certifiable
from backend.ocop.services import error, lock, require_official
from backend.ocop.transitions import check_transition
from backend.webhooks.event_types import WebhookEventType
from backend.webhooks.payloads import certificate_payload
from backend.webhooks.services import webhook_event_emit

MINISTRY = "Bộ Nông nghiệp và Môi trường"
REMINDER_DAYS = (60, 30)


def issuing_body_for(*, stars: int, province_code: str) -> str:
    """ "UBND tỉnh Thanh Hóa" for 3-4 stars, the Ministry for 5 stars."""
    if stars == 5:
        return MINISTRY
    province = vn_units.province_by_code(province_code)
    name = province.full_name if province else province_code
    return f"UBND {name[:1].lower()}{name[1:]}"


def _check_issuer(actor: Any, application: CertificationApplication) -> None:
    profile = access.official_profile_of(actor)
    if profile is None:
        raise PermissionDenied(str(_("Chỉ cán bộ có thẩm quyền được ký quyết định OCOP.")))
    stars = application.stars or 0
    if stars == 5 and not access.is_central(profile):
        raise error(
            Code.FIVE_STARS_CENTRAL_ONLY,
            _("Chỉ Bộ Nông nghiệp và Môi trường được công nhận sản phẩm 5 sao."),
        )
    if stars != 5 and access.is_central(profile):
        raise error(
            Code.PROVINCIAL_STARS_ONLY,
            _("Sản phẩm 3 và 4 sao do UBND cấp tỉnh công nhận."),
        )
    require_official(actor, application, role=OfficialRole.APPROVER, central=stars == 5)


def _check_decision(decision_number: str, decision_date: datetime.date) -> None:
    if not decision_number.strip():
        raise error(Code.REQUIRED, _("Hãy nhập số quyết định."), field="decision_number")
    if decision_date > vietnam_today():
        raise error(
            Code.INVALID_DECISION_DATE,
            _("Ngày quyết định không được ở tương lai."),
            field="decision_date",
        )


@transaction.atomic
def certificate_issue(
    *,
    actor: Any,
    application: CertificationApplication,
    decision_number: str,
    decision_date: datetime.date,
    supersedes: Certificate | None = None,
) -> Certificate:
    """Certify a scored application (3-4 stars) or a five-star proposal (5 stars).

    Valid from the decision date to the day before its 36-month anniversary (inclusive).
    Refuses while the product holds an active certificate: use ``certificate_renew``.
    """
    _check_issuer(actor, application)
    application = lock(application)
    check_transition(application.status, ApplicationStatus.CERTIFIED)
    if (
        application.stars is None
        or application.score is None
        or not is_certifiable(application.stars)
    ):
        raise error(
            Code.NOT_CERTIFIABLE,
            _("Chỉ sản phẩm đạt từ 3 sao (50 điểm) trở lên mới được công nhận."),
        )
    _check_decision(decision_number, decision_date)
    current = (
        Certificate.objects.select_for_update()
        .filter(product_id=application.product_id, status=CertificateStatus.ACTIVE)
        .first()
    )
    if current is not None and current != supersedes:
        if current.valid_until >= vietnam_today():
            raise error(
                Code.ACTIVE_CERTIFICATE_EXISTS,
                _("Sản phẩm đang có giấy chứng nhận %(number)s còn hiệu lực; hãy công nhận lại.")
                % {"number": current.number},
            )
        _expire(current, now=timezone.now())  # the daily job has not run yet
    province_code = application.producer.province_code
    stars = application.stars
    certificate = Certificate.objects.create(
        number=f"PENDING-{uuid.uuid4().hex}",
        application=application,
        product_id=application.product_id,
        producer_id=application.producer_id,
        province_code=province_code,
        product_set=application.product_set,
        stars=stars,
        score=application.score,
        issuer_level=IssuerLevel.CENTRAL if stars == 5 else IssuerLevel.PROVINCIAL,
        issuing_body=issuing_body_for(stars=stars, province_code=province_code),
        decision_number=decision_number.strip(),
        decision_date=decision_date,
        valid_from=decision_date,
        valid_until=validity_end(decision_date, VALIDITY_MONTHS),
        issued_by=actor,
        supersedes=supersedes,
    )
    prefix = "TW" if stars == 5 else province_code
    certificate.number = f"OCOP-{prefix}-{decision_date.year}-{certificate.pk:06d}"
    certificate.save(update_fields=["number"])
    before = application.status
    application.status = ApplicationStatus.CERTIFIED
    application.save(update_fields=["status", "updated_at"])
    application_event(
        application=application,
        certificate=certificate,
        type=ApplicationEventType.CERTIFICATE_ISSUED,
        actor=actor,
        status_before=before,
        status_after=application.status,
        payload={
            "number": certificate.number,
            "stars": stars,
            "decision_number": certificate.decision_number,
            "supersedes": supersedes.number if supersedes else None,
        },
    )
    _emit(WebhookEventType.OCOP_CERTIFICATE_ISSUED, certificate)
    return certificate


def _emit(event_type: WebhookEventType, certificate: Certificate) -> None:
    webhook_event_emit(event_type=event_type, payload=partial(certificate_payload, certificate))


@transaction.atomic
def certificate_renew(
    *,
    actor: Any,
    certificate: Certificate,
    application: CertificationApplication,
    decision_number: str,
    decision_date: datetime.date,
) -> Certificate:
    """Re-recognition (công nhận lại): a new certificate from a new application for the
    same product; the old one (active or expired) becomes ``superseded``."""
    old = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if old.product_id != application.product_id or old.status not in (
        CertificateStatus.ACTIVE,
        CertificateStatus.EXPIRED,
    ):
        raise error(
            Code.CERTIFICATE_NOT_RENEWABLE,
            _("Chỉ công nhận lại giấy chứng nhận còn hoặc đã hết hiệu lực của cùng sản phẩm."),
            field="certificate",
        )
    _check_issuer(actor, application)
    _check_decision(decision_number, decision_date)
    before = old.status
    old.status = CertificateStatus.SUPERSEDED
    old.save(update_fields=["status", "updated_at"])
    new = certificate_issue(
        actor=actor,
        application=application,
        decision_number=decision_number,
        decision_date=decision_date,
        supersedes=old,
    )
    application_event(
        application=old.application,
        certificate=old,
        type=ApplicationEventType.CERTIFICATE_SUPERSEDED,
        actor=actor,
        status_before=before,
        status_after=old.status,
        payload={"superseded_by": new.number},
    )
    return new


@transaction.atomic
def certificate_revoke(*, actor: Any, certificate: Certificate, reason: str) -> Certificate:
    """Revoke at once: from this moment no selector shows the stars."""
    application = certificate.application
    profile = access.official_profile_of(actor)
    if profile is None:
        raise PermissionDenied(str(_("Chỉ cán bộ có thẩm quyền được thu hồi giấy chứng nhận.")))
    if certificate.stars == 5 and not access.is_central(profile):
        raise error(
            Code.FIVE_STARS_CENTRAL_ONLY,
            _("Giấy chứng nhận 5 sao do Bộ Nông nghiệp và Môi trường thu hồi."),
        )
    require_official(actor, application, role=OfficialRole.APPROVER, central=certificate.stars == 5)
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if not certificate.is_in_force_on(vietnam_today()):
        raise error(
            Code.CERTIFICATE_NOT_ACTIVE,
            _("Giấy chứng nhận %(number)s không còn hiệu lực.") % {"number": certificate.number},
        )
    if not reason.strip():
        raise error(Code.REQUIRED, _("Hãy nêu lý do thu hồi."), field="reason")
    before = certificate.status
    certificate.status = CertificateStatus.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revocation_reason = reason.strip()
    certificate.revoked_by = actor
    certificate.save(
        update_fields=["status", "revoked_at", "revocation_reason", "revoked_by", "updated_at"]
    )
    application_event(
        application=application,
        certificate=certificate,
        type=ApplicationEventType.CERTIFICATE_REVOKED,
        actor=actor,
        status_before=before,
        status_after=certificate.status,
        payload={"number": certificate.number, "reason": certificate.revocation_reason},
    )
    _emit(WebhookEventType.OCOP_CERTIFICATE_REVOKED, certificate)
    return certificate


def _expire(certificate: Certificate, *, now: datetime.datetime) -> None:
    certificate.status = CertificateStatus.EXPIRED
    certificate.expired_at = now
    certificate.save(update_fields=["status", "expired_at", "updated_at"])
    application_event(
        application=certificate.application,
        certificate=certificate,
        type=ApplicationEventType.CERTIFICATE_EXPIRED,
        actor=None,
        status_before=CertificateStatus.ACTIVE,
        status_after=CertificateStatus.EXPIRED,
        payload={"number": certificate.number, "valid_until": certificate.valid_until.isoformat()},
    )
    _emit(WebhookEventType.OCOP_CERTIFICATE_EXPIRED, certificate)


@transaction.atomic
def certificates_expire(*, now: datetime.datetime | None = None) -> int:
    """Mark active certificates whose last valid day (Vietnam time) has passed; idempotent."""
    moment = now or timezone.now()
    due = (
        Certificate.objects.select_for_update(skip_locked=True)
        .select_related("application")
        .filter(status=CertificateStatus.ACTIVE, valid_until__lt=vietnam_today(moment))
    )
    count = 0
    for certificate in due:
        _expire(certificate, now=moment)
        count += 1
    return count


@transaction.atomic
def certificate_reminders_send(*, now: datetime.datetime | None = None) -> list[tuple[int, int]]:
    """Claim the reminders due now: 60 days and 30 days before the last valid day.

    Each reminder is claimed once (its ``reminder_*_sent_at`` is set in this transaction);
    a certificate first seen with 30 days or fewer left gets only the 30-day reminder.
    Returns the claimed (certificate pk, days) pairs; the caller (tasks.certificates_daily)
    queues one email each after commit.
    """
    moment = now or timezone.now()
    today = vietnam_today(moment)
    horizon = today + datetime.timedelta(days=REMINDER_DAYS[0])
    candidates = (
        Certificate.objects.select_for_update(skip_locked=True)
        .select_related("application")
        .filter(
            status=CertificateStatus.ACTIVE,
            valid_until__gte=today,
            valid_until__lte=horizon,
            reminder_30_sent_at__isnull=True,
        )
    )
    queued: list[tuple[int, int]] = []
    for certificate in candidates:
        left = (certificate.valid_until - today).days
        if left <= 30:
            days = 30
            certificate.reminder_30_sent_at = moment
            certificate.reminder_60_sent_at = certificate.reminder_60_sent_at or moment
        elif certificate.reminder_60_sent_at is None:
            days = 60
            certificate.reminder_60_sent_at = moment
        else:
            continue
        certificate.save(update_fields=["reminder_60_sent_at", "reminder_30_sent_at"])
        application_event(
            application=certificate.application,
            certificate=certificate,
            type=ApplicationEventType.EXPIRY_REMINDER_SENT,
            actor=None,
            payload={"number": certificate.number, "days": days, "days_left": left},
        )
        queued.append((certificate.pk, days))
    return queued
