"""EditorJS JSON (product descriptions) to safe HTML.

EditorJS text carries inline HTML (bold, links), so every text goes through nh3 before it
reaches a page; unknown block types are dropped rather than guessed at.
"""

from __future__ import annotations

from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from backend.core.html import sanitize_html


def _text(value: Any) -> SafeString:
    return mark_safe(sanitize_html(str(value or "")))  # noqa: S308  (nh3-sanitised)


def _block(block: Any) -> SafeString | str:
    if not isinstance(block, dict):
        return ""
    kind, data = block.get("type"), block.get("data") or {}
    if not isinstance(data, dict):
        return ""
    if kind == "paragraph":
        return format_html("<p>{}</p>", _text(data.get("text")))
    if kind == "header":
        level = data.get("level")
        tag = f"h{level}" if level in (2, 3, 4) else "h3"
        return format_html("<{0}>{1}</{0}>", tag, _text(data.get("text")))
    if kind == "list":
        tag = "ol" if data.get("style") == "ordered" else "ul"
        items = [item for item in data.get("items") or [] if isinstance(item, str)]
        rows = format_html_join("", "<li>{}</li>", ((_text(item),) for item in items))
        return format_html("<{0}>{1}</{0}>", tag, rows)
    if kind == "quote":
        return format_html("<blockquote>{}</blockquote>", _text(data.get("text")))
    return ""


def render_editorjs(description: Any) -> SafeString:
    """The description's paragraphs, headers, lists and quotes as sanitised HTML."""
    blocks = description.get("blocks") if isinstance(description, dict) else None
    if not isinstance(blocks, list):
        return mark_safe("")
    return format_html_join("\n", "{}", ((_block(block),) for block in blocks))
