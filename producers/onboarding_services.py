"""Writes that move an onboarding application: submit and review."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from backend.core.errors import DomainError, PermissionDenied
from backend.webhooks.event_types import WebhookEventType
from backend.webhooks.payloads import producer_payload
from backend.webhooks.services import webhook_event_emit
from producers import onboarding
from producers.error_codes import ProducerErrorCode
from producers.models import (
    ApplicationStatus,
    DocumentType,
    OnboardingApplication,
    Producer,
    ProducerDocument,
    ProducerStatus,
)
from producers.permissions import is_authenticated, is_reviewing_staff
from producers.selectors import is_owner, producer_get_for_user
from producers.tasks import send_application_decision_email

# Profile fields an application needs before a reviewer sees it.
REQUIRED_FOR_SUBMISSION = (
    "legal_name",
    "name",
    "legal_form",
    "province_code",
    "commune_code",
    "street_address",
    "phone",
)


class ReviewDecision:
    APPROVE = "approve"
    REJECT = "reject"
    REQUEST_CHANGES = "request_changes"

    TARGETS = {
        APPROVE: ApplicationStatus.APPROVED,
        REJECT: ApplicationStatus.REJECTED,
        REQUEST_CHANGES: ApplicationStatus.CHANGES_REQUESTED,
    }


def _locked_application(producer: Producer) -> OnboardingApplication:
    application = OnboardingApplication.objects.for_producer(producer).select_for_update().get()
    application.producer = producer
    return application


def completeness_errors(producer: Producer) -> dict[str, ValidationError]:
    """What is still missing before ``producer`` may submit (empty when complete)."""
    errors: dict[str, ValidationError] = {}
    for field in REQUIRED_FOR_SUBMISSION:
        if not getattr(producer, field):
            errors[field] = ValidationError(
                _("Cần điền trường này trước khi nộp hồ sơ."), code="required"
            )
    if not (producer.tax_code or producer.business_registration_number):
        errors["tax_code"] = ValidationError(
            _("Cần mã số thuế hoặc số đăng ký kinh doanh."), code="required"
        )
    has_licence = (
        ProducerDocument.objects.for_producer(producer)
        .filter(document_type=DocumentType.BUSINESS_LICENCE)
        .exists()
    )
    if not has_licence:
        errors["documents"] = ValidationError(
            _("Cần tải lên giấy chứng nhận đăng ký kinh doanh."),
            code=ProducerErrorCode.BUSINESS_LICENCE_REQUIRED.value,
        )
    return errors


@transaction.atomic
def producer_application_submit(*, actor: Any, producer_id: Any) -> OnboardingApplication:
    """Send a complete draft (or a corrected one) to the review queue; owners only."""
    if not is_authenticated(actor):
        raise PermissionDenied(str(_("Bạn cần đăng nhập để thực hiện thao tác này.")))
    producer = producer_get_for_user(actor=actor, pk=producer_id, for_update=True)
    if not is_owner(actor=actor, producer=producer):
        raise PermissionDenied(str(_("Chỉ chủ sở hữu được nộp hồ sơ.")))
    if producer.status == ProducerStatus.SUSPENDED:
        raise DomainError(
            ProducerErrorCode.PRODUCER_SUSPENDED.value,
            str(_("Chủ thể đang bị tạm ngưng: không thể thay đổi.")),
        )
    application = _locked_application(producer)
    onboarding.ensure_can_transition(application, ApplicationStatus.SUBMITTED)
    errors = completeness_errors(producer)
    if errors:
        raise ValidationError(errors)
    onboarding.application_transition(application, ApplicationStatus.SUBMITTED, actor=actor)
    return application


@transaction.atomic
def producer_application_review(
    *, actor: Any, producer_id: Any, decision: str, note: str = ""
) -> OnboardingApplication:
    """Approve, reject (with a reason) or ask for changes (saying what); staff only.

    A submitted application is first taken into review, so the history shows both steps.
    The producer's owners get an email once the transaction commits.
    """
    if not is_reviewing_staff(actor):
        raise PermissionDenied(str(_("Chỉ nhân viên nền tảng được xét duyệt hồ sơ.")))
    if decision not in ReviewDecision.TARGETS:
        raise ValidationError(
            {"decision": ValidationError(_("Quyết định không hợp lệ."), code="invalid")}
        )
    note = note.strip()
    if decision != ReviewDecision.APPROVE and not note:
        raise ValidationError(
            {
                "reason": ValidationError(
                    _("Cần nêu lý do từ chối hoặc nội dung cần bổ sung."),
                    code=ProducerErrorCode.REASON_REQUIRED.value,
                )
            }
        )
    producer = producer_get_for_user(actor=actor, pk=producer_id, for_update=True)
    application = _locked_application(producer)
    if application.status == ApplicationStatus.SUBMITTED:
        onboarding.application_transition(application, ApplicationStatus.IN_REVIEW, actor=actor)
    event = onboarding.application_transition(
        application, ReviewDecision.TARGETS[decision], actor=actor, note=note
    )
    if application.status == ApplicationStatus.APPROVED:
        webhook_event_emit(
            event_type=WebhookEventType.PRODUCER_APPROVED,
            payload=partial(producer_payload, application.producer),
        )
    transaction.on_commit(lambda: send_application_decision_email.delay(event.pk))
    return application
