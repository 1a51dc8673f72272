"""Celery tasks of the traceability app: primary keys in, one service call, idempotent."""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.db import OperationalError

from qr import label_jobs, services


@shared_task(autoretry_for=(OperationalError,), max_retries=3, retry_backoff=True)
def record_scan_task(
    token: str, batch_id: int, serial: str, user_agent: str, scanned_at: str
) -> None:
    services.scan_record(
        token=token,
        batch_id=batch_id,
        serial=serial,
        user_agent=user_agent,
        scanned_at=dt.datetime.fromisoformat(scanned_at),
    )


@shared_task(autoretry_for=(OperationalError,), max_retries=2, retry_backoff=True)
def generate_labels_task(job_id: int) -> None:
    label_jobs.label_job_run(job_id=job_id)
