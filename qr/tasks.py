"""Celery tasks of the traceability app: primary keys in, one service call, idempotent."""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.db import OperationalError

# Module imports: qr.label_jobs and qr.scan_buffer import this module back.
from qr import label_jobs, scan_buffer, services


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


@shared_task(name="qr.drain_scans")
def drain_scans_task() -> int:
    """Run by beat every few seconds: records the scans buffered by trace pages."""
    return scan_buffer.scans_drain()
