"""Writes the append-only history of applications (models/events.py)."""

from __future__ import annotations

from typing import Any

from backend.ocop.models import ApplicationEvent, Certificate, CertificationApplication


def application_event(
    *,
    application: CertificationApplication,
    type: str,
    actor: Any,
    status_before: str = "",
    status_after: str = "",
    certificate: Certificate | None = None,
    payload: dict[str, Any] | None = None,
) -> ApplicationEvent:
    """Append one event; ``actor`` None means the system (the daily job)."""
    return ApplicationEvent.objects.create(
        application=application,
        certificate=certificate,
        type=type,
        actor=actor if actor is not None and actor.is_authenticated else None,
        status_before=status_before,
        status_after=status_after,
        payload=payload or {},
    )
