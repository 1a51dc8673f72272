"""Bump the trace-page cache version whenever data shown on trace pages changes.

Signals rather than calls in each service, because catalogue, producer and certificate
rows are also changed by other apps' services and by the admin.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from qr.cache import trace_version_bump

WATCHED_MODELS = (
    "catalog.Product",
    "catalog.ProductVariant",
    "catalog.ProductMedia",
    "producers.Producer",
    "qr.Batch",
    "qr.TraceEvent",
    "ocop.Certificate",
)


def _changed(sender: Any, **kwargs: Any) -> None:
    trace_version_bump()


def connect() -> None:
    for label in WATCHED_MODELS:
        app_label, model_name = label.split(".")
        model = apps.get_model(app_label, model_name)
        post_save.connect(_changed, sender=model, dispatch_uid=f"qr-trace-{label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"qr-trace-{label}")
