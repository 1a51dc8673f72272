"""The Celery application: broker from REDIS_URL, tasks from each app's tasks.py."""

import os
from typing import Any

from celery import Celery
from celery.signals import task_failure, task_retry, task_success

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.config.settings")

app = Celery("ocop")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_success.connect
def _count_success(**_kwargs: Any) -> None:
    from backend.core import metrics  # needs Django settings, loaded after this module

    metrics.task_finished("succeeded")


@task_failure.connect
def _count_failure(**_kwargs: Any) -> None:
    from backend.core import metrics

    metrics.task_finished("failed")


@task_retry.connect
def _count_retry(**_kwargs: Any) -> None:
    from backend.core import metrics

    metrics.task_finished("retried")
