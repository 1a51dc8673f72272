"""Append-only history of batch changes (who, when, what). Never updated or deleted."""

from __future__ import annotations

from typing import Any

from qr.models import Batch, BatchHistory

BATCH_CREATED = "batch_created"
BATCH_UPDATED = "batch_updated"
TRACE_EVENT_RECORDED = "trace_event_recorded"
SERIALS_ISSUED = "serials_issued"
LABELS_REQUESTED = "labels_requested"


def batch_history_add(
    *, batch: Batch, type: str, actor: Any = None, payload: dict[str, Any] | None = None
) -> BatchHistory:
    user = actor if actor is not None and actor.is_authenticated else None
    return BatchHistory.objects.create(batch=batch, type=type, actor=user, payload=payload or {})
