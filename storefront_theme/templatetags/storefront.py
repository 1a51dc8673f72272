"""Template filters of the storefront: prices, thumbnails, provinces, stars."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from graphql_relay import to_global_id

from backend.accounts.vn_units import province_by_code
from qr.links import digital_link_path

register = template.Library()


@register.filter
def thumbnail(media: Any, size: int = 256) -> str:
    """The WebP thumbnail URL of a ProductMedia (generated on first request)."""
    return reverse("thumbnail", args=[to_global_id("ProductMedia", media.pk), size, "WEBP"])


@register.filter
def province_name(code: Any) -> str:
    province = province_by_code(str(code)) if code else None
    return province.name if province else ""


@register.filter
def star_glyphs(stars: Any) -> str:
    return "★" * int(stars or 0)


@register.simple_tag(takes_context=True)
def query_with(context: Any, **changes: Any) -> str:
    """The current GET query with ``changes`` applied (pagination links keep the filters)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return "?" + query.urlencode()


@register.filter
def trace_url(batch: Any) -> str:
    """The batch's public traceability page (the GS1 Digital Link under /trace)."""
    return "/trace" + digital_link_path(gtin=batch.gtin, lot=batch.lot_code)
