"""Stripe webhook events: verified, then applied once per event id.

``ProcessedStripeEvent`` is inserted in the same database transaction as the changes it
causes, so an event delivered 100 times (or twice at once) is applied exactly once.
"""

from __future__ import annotations

from typing import Any

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction

from backend.payments import services
from backend.payments.gateways import GatewayResult
from backend.payments.gateways.stripe import STRIPE_CURRENCY, intent_results, stripe_gateway
from backend.payments.models import ProcessedStripeEvent, TransactionEventType, TransactionItem

HANDLED_EVENTS = frozenset(
    {"payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded"}
)


class StripeWebhookInvalidError(ValueError):
    """Bad signature, stale timestamp or unreadable body: nothing was recorded."""


def stripe_event_verify(body: bytes, signature: str | None) -> Any:
    try:
        return stripe.Webhook.construct_event(body, signature, settings.STRIPE_WEBHOOK_SECRET)
    except (ValueError, stripe.SignatureVerificationError) as exc:
        raise StripeWebhookInvalidError(str(exc)) from exc


def stripe_event_handle(*, event: Any) -> bool:
    """Apply a verified event. Returns False when it was already processed (or is of a
    type we ignore), True when this call handled it."""
    try:
        with transaction.atomic():
            ProcessedStripeEvent.objects.create(event_id=event["id"], type=event["type"])
            if event["type"] not in HANDLED_EVENTS:
                return False
            _handle(event["type"], event["data"]["object"])
    except IntegrityError:
        return False
    return True


def _transaction_for(intent_id: str) -> TransactionItem | None:
    found = TransactionItem.objects.filter(
        gateway=stripe_gateway.id, psp_reference=intent_id
    ).first()
    if found is None:
        return None
    services.order_lock(found.order_id)
    return services.transaction_lock(found.pk)


def _handle(event_type: str, obj: Any) -> None:
    intent_id = obj["id"] if event_type.startswith("payment_intent.") else obj["payment_intent"]
    item = _transaction_for(intent_id)
    if item is None:
        return  # not ours (another integration on the same account)
    if event_type == "charge.refunded":
        if obj["currency"] != STRIPE_CURRENCY:
            results = [GatewayResult(TransactionEventType.INFO, 0, obj["id"], "currency mismatch")]
        else:
            delta = int(obj["amount_refunded"]) - item.refunded_amount
            results = (
                [GatewayResult(TransactionEventType.REFUND_SUCCESS, delta, obj["id"], "webhook")]
                if delta > 0
                else []
            )
    else:
        results = intent_results(item, obj)
    services.transaction_record(transaction=item, results=results, actor=None)
