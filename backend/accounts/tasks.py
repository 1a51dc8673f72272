"""Account email tasks: primary keys in, one email out; queued with transaction.on_commit."""

from __future__ import annotations

from smtplib import SMTPException

from celery import shared_task

from backend.accounts import emails


@shared_task(
    name="accounts.send_account_email",
    acks_late=True,
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    max_retries=5,
)
def send_account_email(user_pk: int, kind: str, redirect_url: str) -> bool:
    return emails.send_account_email(user_pk=user_pk, kind=kind, redirect_url=redirect_url)
