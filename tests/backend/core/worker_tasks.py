"""Tasks loaded only into the worker processes that tests start (``celery worker -I``)."""

from __future__ import annotations

import time
from pathlib import Path

from celery import shared_task
from django.db import transaction

from backend.core.idempotency import claim_once


@shared_task(name="tests.record_effect_once", acks_late=True, reject_on_worker_lost=True)
def record_effect_once(key: str, runs_file: str, first_run_sleep: float) -> bool:
    """Append a line per run; the first run sleeps (the test kills its worker then)."""
    runs = Path(runs_file)
    with runs.open("a") as handle:
        handle.write("run\n")
    if len(runs.read_text().splitlines()) == 1:
        time.sleep(first_run_sleep)
    with transaction.atomic():
        return claim_once(key)
