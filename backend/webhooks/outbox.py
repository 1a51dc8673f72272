"""Delivering outbox rows: one attempt at a time, recorded, with exponential backoff.

Delivery is at-least-once: a worker killed after the target answered but before the
commit re-sends the event (receivers de-duplicate on the payload's own ids).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from backend.webhooks.delivery import post_event
from backend.webhooks.models import WebhookDelivery, WebhookEvent, WebhookEventStatus

logger = logging.getLogger(__name__)

# A task that arrives a little before next_attempt_at (clock skew, ETA rounding) still runs.
DUE_SLACK = timedelta(seconds=1)


@dataclass(frozen=True)
class DeliveryOutcome:
    attempted: bool
    status: str | None
    retry_in_seconds: int | None


SKIPPED = DeliveryOutcome(attempted=False, status=None, retry_in_seconds=None)


def retry_delay_seconds(attempts: int) -> int:
    """Backoff after the ``attempts``-th failed attempt: base, 2*base, 4*base, ..."""
    return int(settings.WEBHOOK_RETRY_BASE_SECONDS * 2 ** (attempts - 1))


def webhook_event_deliver(*, event_id: int) -> DeliveryOutcome:
    """Attempt one delivery of a pending, due outbox row and record the attempt.

    Idempotent: a delivered, failed, not yet due or concurrently locked row is skipped, so
    duplicate task messages (beat re-sends, redelivery after a lost worker) are harmless.
    The row lock is held during the HTTP call so two workers never send the same attempt.
    """
    with transaction.atomic():
        event = (
            WebhookEvent.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("webhook")
            .filter(
                pk=event_id,
                status=WebhookEventStatus.PENDING,
                next_attempt_at__lte=timezone.now() + DUE_SLACK,
            )
            .first()
        )
        if event is None:
            return SKIPPED
        webhook = event.webhook
        if not webhook.is_active:
            # Deactivated after the event was written: keep the row pending for re-activation.
            event.next_attempt_at = timezone.now() + timedelta(
                seconds=retry_delay_seconds(settings.WEBHOOK_MAX_RETRIES)
            )
            event.save(update_fields=["next_attempt_at"])
            return SKIPPED
        result = post_event(
            target_url=webhook.target_url,
            event_type=event.event_type,
            payload=event.payload,
            secret_key=webhook.secret_key,
        )
        now = timezone.now()
        WebhookDelivery.objects.create(
            event=event,
            attempted_at=now,
            success=result.success,
            status_code=result.status_code,
            duration_ms=result.duration_ms,
            response_excerpt=result.response_excerpt,
            error=result.error,
        )
        event.attempts += 1
        retry_in: int | None = None
        if result.success:
            event.status = WebhookEventStatus.DELIVERED
            event.delivered_at = now
        elif result.retryable and event.attempts <= settings.WEBHOOK_MAX_RETRIES:
            retry_in = retry_delay_seconds(event.attempts)
            event.next_attempt_at = now + timedelta(seconds=retry_in)
        else:
            event.status = WebhookEventStatus.FAILED
            logger.warning(
                "webhook delivery failed for good",
                extra={"webhook_id": webhook.pk, "event_id": event.pk, "error": result.error},
            )
        event.save(update_fields=["attempts", "status", "delivered_at", "next_attempt_at"])
    return DeliveryOutcome(attempted=True, status=event.status, retry_in_seconds=retry_in)


def webhook_event_ids_due(*, limit: int) -> list[int]:
    """Pending rows whose next attempt is due, oldest first (the beat job's work list)."""
    return list(
        WebhookEvent.objects.filter(
            status=WebhookEventStatus.PENDING,
            next_attempt_at__lte=timezone.now(),
            webhook__is_active=True,
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
