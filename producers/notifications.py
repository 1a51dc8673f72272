"""Emails to producers. Called by Celery tasks (producers/tasks.py), never in a request."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from producers.models import ApplicationStatus, OnboardingEvent, OnboardingNotification
from producers.selectors import owner_emails

DECISIONS = frozenset(
    {ApplicationStatus.APPROVED, ApplicationStatus.REJECTED, ApplicationStatus.CHANGES_REQUESTED}
)


def application_decision_email_send(*, event_id: int) -> int:
    """Email the owners about a review decision once; returns how many emails went out.

    Idempotent: the notification row commits together with the sending, so a task retried
    after a failed send tries again and one retried after a success does nothing.
    """
    with transaction.atomic():
        event = (
            OnboardingEvent.objects.select_related("application__producer")
            .filter(pk=event_id)
            .first()
        )
        if event is None or event.after not in DECISIONS:
            return 0
        _marker, created = OnboardingNotification.objects.get_or_create(event=event)
        if not created:
            return 0
        producer = event.application.producer
        context = {
            "producer": producer,
            "decision": event.after,
            "note": event.payload.get("note", ""),
            "status_url": settings.PUBLIC_URL
            + reverse("producers:workspace-home", args=[producer.slug]),
        }
        sent = 0
        for email, language in owner_emails(producer_id=producer.pk):
            language = language if language in {"vi", "en"} else "vi"
            body = render_to_string(
                f"producers/emails/application_decision.{language}.txt", context
            )
            subject, _sep, text = body.strip().partition("\n")
            sent += send_mail(subject.strip(), text.strip() + "\n", None, [email])
        return sent
