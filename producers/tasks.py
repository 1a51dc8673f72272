from __future__ import annotations

from smtplib import SMTPException

from celery import shared_task

from producers.notifications import application_decision_email_send


@shared_task(
    name="producers.send_application_decision_email",
    acks_late=True,
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    max_retries=5,
    retry_backoff=True,
)
def send_application_decision_email(event_id: int) -> int:
    """Tell a producer's owners that their application was decided (idempotent)."""
    return application_decision_email_send(event_id=event_id)
