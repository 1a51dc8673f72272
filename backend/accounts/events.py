"""Append-only account history (who, when, what). Payloads carry no personal data."""

from __future__ import annotations

from typing import Any

from backend.accounts.models import CustomerEvent, CustomerEventType, User


def customer_event(
    *, user: User, type: CustomerEventType, parameters: dict[str, Any] | None = None
) -> CustomerEvent:
    return CustomerEvent.objects.create(user=user, type=type, parameters=parameters or {})
