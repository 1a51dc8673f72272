"""Template filters of the producer workspace."""

from __future__ import annotations

from django import template

from backend.core.money import format_vnd

register = template.Library()


@register.filter
def vnd(amount: int | None) -> str:
    """Whole đồng as shoppers read it ("125.000 ₫"); empty when there is no amount."""
    return "" if amount is None else format_vnd(int(amount))
