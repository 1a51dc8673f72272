"""Webhook reads."""

from __future__ import annotations

from backend.core.metrics import render_gauge
from backend.webhooks.models import WebhookDelivery, WebhookEvent, WebhookEventStatus


def webhook_metrics() -> list[str]:
    """Prometheus figures: failed attempts, events given up on, and the pending backlog."""
    return [
        *render_gauge(
            "ocop_webhook_failed_attempts",
            "Webhook delivery attempts that failed.",
            WebhookDelivery.objects.filter(success=False).count(),
        ),
        *render_gauge(
            "ocop_webhook_events_failed",
            "Webhook events given up on after all retries.",
            WebhookEvent.objects.filter(status=WebhookEventStatus.FAILED).count(),
        ),
        *render_gauge(
            "ocop_webhook_events_pending",
            "Webhook events waiting to be delivered.",
            WebhookEvent.objects.filter(status=WebhookEventStatus.PENDING).count(),
        ),
    ]
