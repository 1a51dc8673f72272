"""Webhook delivery tasks: take primary keys, call the outbox, safe to run twice."""

from __future__ import annotations

import logging

from celery import shared_task

from backend.webhooks.outbox import webhook_event_deliver, webhook_event_ids_due

logger = logging.getLogger(__name__)

RESEND_BATCH = 500


@shared_task(
    name="webhooks.deliver_event",
    acks_late=True,
    reject_on_worker_lost=True,
    ignore_result=True,
)
def deliver_webhook_event(event_id: int) -> None:
    outcome = webhook_event_deliver(event_id=event_id)
    if outcome.retry_in_seconds is not None:
        enqueue_delivery(event_id, countdown=outcome.retry_in_seconds)


@shared_task(name="webhooks.resend_pending", acks_late=True, ignore_result=True)
def resend_pending_webhook_events() -> int:
    """Beat job: queue every due pending row (e.g. written while the broker was down)."""
    queued = 0
    for event_id in webhook_event_ids_due(limit=RESEND_BATCH):
        if not enqueue_delivery(event_id):
            break
        queued += 1
    return queued


def enqueue_delivery(event_id: int, *, countdown: int = 0) -> bool:
    """Queue a delivery; a broker outage is logged, not raised: the row stays pending and
    the beat job sends it later, so the emitter's already committed work is never disturbed.
    """
    try:
        deliver_webhook_event.apply_async((event_id,), countdown=countdown, retry=False)
    except Exception:
        logger.exception("could not queue webhook delivery", extra={"event_id": event_id})
        return False
    return True
