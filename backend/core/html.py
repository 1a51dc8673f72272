"""Sanitising user-supplied HTML (product descriptions) with nh3 (ammonia)."""

from __future__ import annotations

import nh3

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h2", "h3", "h4",
     "blockquote", "a", "span", "table", "thead", "tbody", "tr", "th", "td"}
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}}


def sanitize_html(text: str) -> str:
    """Keep formatting tags only: scripts, styles, event handlers and ``javascript:`` URLs
    never survive, and links get ``rel="noopener noreferrer nofollow"``.
    """
    return nh3.clean(
        text,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
