"""Metadata writes on checkouts and their lines (Saleor's updateMetadata and friends).

Public metadata is written by whoever may use the checkout, private metadata by staff
only. The caller fetched the checkout with ``checkout_get_for_user`` or the line with
``checkout_line_get_for_user``, with ``for_update=True``. Every change emits
CHECKOUT_UPDATED and moves ``last_change``: a line's metadata is part of its checkout.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

from backend.checkout.models import Checkout, CheckoutLine
from backend.core.metadata import metadata_attribute, metadata_set, metadata_unset
from backend.webhooks.event_types import WebhookEventType
from backend.webhooks.payloads import checkout_payload
from backend.webhooks.services import webhook_event_emit


def _changed(checkout: Checkout) -> None:
    webhook_event_emit(
        event_type=WebhookEventType.CHECKOUT_UPDATED, payload=partial(checkout_payload, checkout)
    )


def checkout_metadata_update(
    *, actor: Any, checkout: Checkout, items: Mapping[str, str], private: bool = False
) -> Checkout:
    """Set metadata keys on the checkout."""
    attribute = metadata_attribute(actor=actor, private=private)
    metadata_set(checkout, attribute=attribute, items=items, touch=["last_change"])
    _changed(checkout)
    return checkout


def checkout_metadata_delete(
    *, actor: Any, checkout: Checkout, keys: Sequence[str], private: bool = False
) -> Checkout:
    """Remove metadata keys from the checkout; absent ones are ignored (Saleor)."""
    attribute = metadata_attribute(actor=actor, private=private)
    metadata_unset(checkout, attribute=attribute, keys=keys, touch=["last_change"])
    _changed(checkout)
    return checkout


def checkout_line_metadata_update(
    *, actor: Any, line: CheckoutLine, items: Mapping[str, str], private: bool = False
) -> CheckoutLine:
    """Set metadata keys on one line of a checkout."""
    attribute = metadata_attribute(actor=actor, private=private)
    metadata_set(line, attribute=attribute, items=items)
    line.checkout.save(update_fields=["last_change"])
    _changed(line.checkout)
    return line


def checkout_line_metadata_delete(
    *, actor: Any, line: CheckoutLine, keys: Sequence[str], private: bool = False
) -> CheckoutLine:
    """Remove metadata keys from one line of a checkout; absent ones are ignored."""
    attribute = metadata_attribute(actor=actor, private=private)
    metadata_unset(line, attribute=attribute, keys=keys)
    line.checkout.save(update_fields=["last_change"])
    _changed(line.checkout)
    return line
