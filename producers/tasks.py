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


@shared_task(name="producers.run_product_import", acks_late=True)
def run_product_import(import_id: int) -> str:
    """Check and import one uploaded product file (idempotent: only a pending one runs)."""
    from producers.import_services import product_import_run

    return str(product_import_run(import_id=import_id).status)
