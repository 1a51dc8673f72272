"""Upload checks shared by every app that accepts documents: the content decides the type."""

from __future__ import annotations

# Document types accepted from producers and for OCOP dossiers, with their file extension.
DOCUMENT_TYPES: dict[str, str] = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
}


def sniff_content_type(head: bytes) -> str | None:
    """The MIME type of PDF, JPEG, PNG or WebP content from its first 16 bytes, else None."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None
