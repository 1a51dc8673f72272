"""A worker killed with SIGKILL mid-task: the task runs again elsewhere, its effect once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from backend.config.celery import app
from backend.core.models import CompletedTask
from tests.backend.core.worker_tasks import record_effect_once
from tests.celery_helpers import redis_url_for_db, reset_celery_connections

ROOT = Path(__file__).resolve().parents[3]
VISIBILITY_TIMEOUT = 4
_KEYS = ("broker_url", "task_always_eager", "broker_transport_options")


@pytest.fixture
def redis_broker() -> Iterator[str]:
    url = redis_url_for_db(2)
    saved = {key: app.conf.get(key) for key in _KEYS}
    app.conf.update(
        broker_url=url,
        task_always_eager=False,
        broker_transport_options={"visibility_timeout": VISIBILITY_TIMEOUT},
    )
    reset_celery_connections(app)
    try:
        yield url
    finally:
        app.conf.update(saved)
        reset_celery_connections(app)


def _database_url(database: dict) -> str:
    """The test database as a URL; the embedded server listens on a Unix socket directory."""
    credentials = f"{quote(database['USER'])}:{quote(database['PASSWORD'] or '')}"
    if str(database["HOST"]).startswith("/"):
        return f"postgres://{credentials}@/{database['NAME']}?host={quote(database['HOST'])}"
    return (
        f"postgres://{credentials}@{database['HOST']}:{database['PORT'] or 5432}/{database['NAME']}"
    )


@pytest.fixture
def start_worker(redis_broker: str, tmp_path: Path) -> Iterator[Callable[[str], subprocess.Popen]]:
    """Starts ``celery -A backend.config worker`` processes on the test database."""
    workers: list[subprocess.Popen] = []
    database = connection.settings_dict
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "backend.config.settings_test",
        "DATABASE_URL": _database_url(database),
        "REDIS_URL": redis_broker,
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
        "PYTHONPATH": str(ROOT),
    }

    def start(queue: str) -> subprocess.Popen:
        log = (tmp_path / f"worker-{len(workers)}.log").open("w")
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "backend.config",
                "worker",
                "--pool=prefork",
                "--concurrency=1",
                "--prefetch-multiplier=1",
                "-Q",
                queue,
                "-n",
                f"{queue}-{len(workers)}@%h",
                "-I",
                "tests.backend.core.worker_tasks",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel=INFO",
            ],
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # so SIGKILL reaches the pool child too
        )
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(10)


def _wait_for(condition: Callable[[], bool], timeout: float, what: str, logs: Path) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            # The workers' own words, since pytest removes old temporary folders.
            tails = "".join(
                f"\n--- {log.name}\n" + "".join(log.read_text().splitlines(True)[-20:])
                for log in sorted(logs.glob("worker-*.log"))
            )
            pytest.fail(f"timed out after {timeout}s waiting for {what}{tails}")
        time.sleep(0.2)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_task_killed_mid_way_completes_once_after_a_new_worker_starts(start_worker, tmp_path):
    # given
    queue = f"test-kill-{uuid.uuid4().hex[:12]}"
    key = f"effect-{uuid.uuid4().hex}"
    runs = tmp_path / "runs.txt"
    first = start_worker(queue)
    record_effect_once.apply_async((key, str(runs), 60.0), queue=queue)
    _wait_for(lambda: runs.exists(), 60, "the first worker to start the task", tmp_path)

    # when: the whole worker dies without any chance to acknowledge or reject
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(10)
    assert not CompletedTask.objects.filter(key=key).exists()
    time.sleep(VISIBILITY_TIMEOUT)  # the unacknowledged message becomes visible again
    start_worker(queue)

    # then: the new worker runs it again, and the effect exists exactly once
    _wait_for(lambda: CompletedTask.objects.filter(key=key).exists(), 60, "the re-run", tmp_path)
    assert runs.read_text().splitlines() == ["run", "run"]

    # and a duplicate message (a second redelivery) changes nothing
    record_effect_once.apply_async((key, str(runs), 0.0), queue=queue)
    _wait_for(lambda: len(runs.read_text().splitlines()) == 3, 30, "the duplicate", tmp_path)
    time.sleep(0.5)
    assert CompletedTask.objects.filter(key=key).count() == 1
