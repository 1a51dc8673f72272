"""Health endpoints for load balancers."""

from __future__ import annotations

import hmac

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from backend.config.celery import app as celery_app
from backend.core import metrics as metrics_registry


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is up and serving requests."""
    return JsonResponse({"status": "ok"})


def _database_ok() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means not ready; the message says which
        return f"database: {type(exc).__name__}"
    return None


def _broker_ok() -> str | None:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return None  # no broker configured: tasks run in-process (the demo)
    try:
        with celery_app.connection_for_write() as broker:
            broker.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:
        return f"broker: {type(exc).__name__}"
    return None


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """The database and the broker are reachable: 200, else 503 naming what failed."""
    failures = [failure for failure in (_database_ok(), _broker_ok()) if failure]
    if failures:
        return JsonResponse({"status": "unavailable", "failures": failures}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "broker": "ok"})


@never_cache
@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus text format; with METRICS_TOKEN set, only for ``Bearer <token>``."""
    token = settings.METRICS_TOKEN
    if token:
        given = request.META.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ")
        if not hmac.compare_digest(given.encode(), token.encode()):
            return HttpResponse("Forbidden\n", status=403, content_type="text/plain")
    return HttpResponse(
        metrics_registry.render_all(), content_type="text/plain; version=0.0.4; charset=utf-8"
    )
