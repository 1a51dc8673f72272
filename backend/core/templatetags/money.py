"""``{% load money %}``: amounts in Vietnamese format for every server-rendered page."""

from __future__ import annotations

from typing import Any

from django import template

from backend.core.money import format_vnd

register = template.Library()


@register.filter
def vnd(amount: Any) -> str:
    """``85000`` -> ``85.000 ₫``; empty when there is no amount."""
    if amount is None or amount == "":
        return ""
    return format_vnd(int(amount))
