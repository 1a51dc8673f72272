from django import template

from backend.core.money import format_vnd

register = template.Library()


@register.filter
def vnd(amount: int | None) -> str:
    """85000 -> "85.000 ₫"."""
    return format_vnd(int(amount or 0))
