"""The onboarding state machine: one transition table, one function that moves an application.

Only services call :func:`application_transition`; it raises on an illegal move, keeps the
producer's own status in step and writes an event row for every change.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.core.errors import DomainError
from producers import events
from producers.error_codes import ProducerErrorCode
from producers.models import (
    ApplicationStatus,
    OnboardingApplication,
    OnboardingEvent,
    ProducerStatus,
)

S = ApplicationStatus

TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.IN_REVIEW}),
    S.IN_REVIEW: frozenset({S.APPROVED, S.REJECTED, S.CHANGES_REQUESTED}),
    S.CHANGES_REQUESTED: frozenset({S.SUBMITTED}),
    S.APPROVED: frozenset(),
    S.REJECTED: frozenset(),
}

# What shoppers and the catalogue see of the producer while its application moves.
PRODUCER_STATUS_FOR: dict[str, str] = {
    S.DRAFT: ProducerStatus.DRAFT,
    S.SUBMITTED: ProducerStatus.PENDING,
    S.IN_REVIEW: ProducerStatus.PENDING,
    S.CHANGES_REQUESTED: ProducerStatus.DRAFT,
    S.APPROVED: ProducerStatus.APPROVED,
    S.REJECTED: ProducerStatus.REJECTED,
}

# The applicant may edit the whole profile and add documents only in these states.
EDITABLE_STATES = frozenset({S.DRAFT, S.CHANGES_REQUESTED})


def can_transition(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def ensure_can_transition(application: OnboardingApplication, target: str) -> None:
    """Raise INVALID_STATUS unless the table allows ``application`` to move to ``target``."""
    current = application.status
    if not can_transition(current, target):
        raise DomainError(
            ProducerErrorCode.INVALID_STATUS.value,
            str(
                _("Không thể chuyển hồ sơ từ trạng thái “%(current)s” sang “%(target)s”.")
                % {"current": S(current).label, "target": S(target).label}
            ),
            field="status",
            params={"current": current, "target": target},
        )


def application_transition(
    application: OnboardingApplication,
    target: str,
    *,
    actor: Any,
    note: str = "",
) -> OnboardingEvent:
    """Move ``application`` to ``target``. Precondition: the caller holds its row lock."""
    current = application.status
    ensure_can_transition(application, target)
    now = timezone.now()
    application.status = target
    if target == S.SUBMITTED:
        application.submitted_at = now
        application.review_note = ""
    if target in {S.APPROVED, S.REJECTED, S.CHANGES_REQUESTED}:
        application.decided_at = now
        application.review_note = note
    if target == S.IN_REVIEW:
        application.reviewer = actor
    application.save(
        update_fields=[
            "status",
            "submitted_at",
            "decided_at",
            "review_note",
            "reviewer",
            "updated_at",
        ]
    )
    producer = application.producer
    producer_status = PRODUCER_STATUS_FOR[target]
    if producer.status != producer_status:
        producer.status = producer_status
        producer.save(update_fields=["status", "updated_at"])
    return events.onboarding_event(
        application=application,
        actor=actor,
        type=events.OnboardingEventType.STATUS_CHANGED,
        before=current,
        after=target,
        payload={"note": note} if note else {},
    )
