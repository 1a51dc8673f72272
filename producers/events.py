"""Append-only history of producers and their onboarding applications (Saleor's events.py)."""

from __future__ import annotations

from typing import Any

from producers.models import OnboardingApplication, OnboardingEvent, Producer, ProducerEvent


class ProducerEventType:
    CREATED = "created"
    UPDATED = "updated"
    DOCUMENT_UPLOADED = "document_uploaded"
    SUSPENDED = "suspended"
    REINSTATED = "reinstated"


class OnboardingEventType:
    CREATED = "created"
    STATUS_CHANGED = "status_changed"


def producer_event(
    *,
    producer: Producer,
    actor: Any,
    type: str,
    before: str = "",
    after: str = "",
    payload: dict[str, Any] | None = None,
) -> ProducerEvent:
    return ProducerEvent.objects.create(
        producer=producer,
        actor=_user_or_none(actor),
        type=type,
        before=before,
        after=after,
        payload=payload or {},
    )


def onboarding_event(
    *,
    application: OnboardingApplication,
    actor: Any,
    type: str,
    before: str = "",
    after: str = "",
    payload: dict[str, Any] | None = None,
) -> OnboardingEvent:
    return OnboardingEvent.objects.create(
        application=application,
        actor=_user_or_none(actor),
        type=type,
        before=before,
        after=after,
        payload=payload or {},
    )


def _user_or_none(actor: Any) -> Any:
    return actor if actor is not None and actor.is_authenticated else None
