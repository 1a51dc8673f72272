"""Celery tasks of OCOP certification: take primary keys, call a service, idempotent."""

from __future__ import annotations

from celery import shared_task
from django.db import transaction

from backend.ocop import certificate_services, notifications
from backend.ocop.models import Certificate


@shared_task(name="ocop.certificates_daily", acks_late=True)
def certificates_daily() -> dict[str, int]:
    """The daily beat job (settings.CELERY_BEAT_SCHEDULE): expire, then queue reminders.

    Safe to run twice: expired certificates and claimed reminders are not touched again.
    """
    expired = certificate_services.certificates_expire()
    claimed = certificate_services.certificate_reminders_send()
    for pk, days in claimed:
        _queue_reminder(pk, days)
    return {"expired": expired, "reminders": len(claimed)}


def _queue_reminder(pk: int, days: int) -> None:
    transaction.on_commit(lambda: send_certificate_reminder.delay(pk, days))


@shared_task(
    name="ocop.send_certificate_reminder",
    acks_late=True,
    autoretry_for=(OSError,),
    max_retries=5,
    retry_backoff=True,
)
def send_certificate_reminder(certificate_pk: int, days: int) -> int:
    """Send one claimed reminder; a certificate revoked meanwhile gets none."""
    certificate = (
        Certificate.objects.select_related("product", "producer")
        .filter(pk=certificate_pk, status="active")
        .first()
    )
    if certificate is None:
        return 0
    return notifications.send_certificate_reminder(certificate, days)
