"""Printable label sheets (A4 PDF grids) rendered with ReportLab.

ReportLab is imported inside ``render_label_sheet`` on purpose: it is a heavy optional
library only label jobs (Celery workers) need, and web processes should never load it.
QR images are built from ``qr.rendering.qr_matrix`` as 1-bit images at one pixel per module
and scaled by the PDF, so each code costs a few hundred bytes and stays sharp at any print
resolution; identical codes (lot labels without serials) are encoded and embedded once.
The QR encoder's mask selection dominates the time (about 15 ms a code here).
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image

from qr.rendering import qr_matrix

MIN_COLUMNS, MAX_COLUMNS = 1, 6
MIN_ROWS, MAX_ROWS = 1, 14
PROGRESS_EVERY = 200
FONT_NAME = "OcopLabel"


@dataclass(frozen=True)
class LabelData:
    url: str
    product_name: str
    lot: str
    produced: str
    best_before: str
    stars: int | None
    serial: str = ""


def _ascii(text: str) -> str:
    """Fallback for a missing Unicode font: Vietnamese without diacritics stays readable."""
    text = text.replace("đ", "d").replace("Đ", "D")
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    )
    return stripped.encode("ascii", "replace").decode()


def _qr_image(url: str) -> Image.Image:
    matrix = qr_matrix(url, error_correction="Q")
    size = len(matrix)
    pixels = bytes(0 if dark else 255 for row in matrix for dark in row)
    return Image.frombytes("L", (size, size), pixels).convert("1")


def render_label_sheet(
    labels: Iterable[LabelData],
    *,
    columns: int,
    rows: int,
    progress: Callable[[int], None] | None = None,
) -> bytes:
    """Return a PDF of ``labels`` laid out ``columns`` x ``rows`` per A4 page, each with a
    QR code (error correction Q, 4-module quiet zone), product name, lot, dates and OCOP
    stars. ``progress(n)`` is called every PROGRESS_EVERY labels and at the end."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    font_path = Path(settings.QR_LABEL_FONT)
    unicode_font = font_path.is_file()
    if unicode_font and FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path)))
    font = FONT_NAME if unicode_font else "Helvetica"

    def text(value: str) -> str:
        return value if unicode_font else _ascii(value)

    def fit(value: str, size: float, width: float) -> str:
        value = text(value)
        while value and pdfmetrics.stringWidth(value, font, size) > width:
            value = value[:-2] + "…" if unicode_font else value[:-1]
        return value

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle("OCOP labels")
    page_width, page_height = A4
    margin = 8 * mm
    cell_w = (page_width - 2 * margin) / columns
    cell_h = (page_height - 2 * margin) / rows
    qr_size = min(cell_h - 3 * mm, cell_w * 0.5)
    text_x_offset = qr_size + 2.5 * mm
    text_width = cell_w - text_x_offset - 1.5 * mm
    last_url, last_image = "", None
    count = 0
    for count, label in enumerate(labels, start=1):
        slot = (count - 1) % (columns * rows)
        if slot == 0 and count > 1:
            canvas.showPage()
        col, row = slot % columns, slot // columns
        x = margin + col * cell_w
        y = page_height - margin - (row + 1) * cell_h
        if label.url != last_url:
            last_image = ImageReader(_qr_image(label.url))
            last_url = label.url
        canvas.drawImage(last_image, x + 1.5 * mm, y + (cell_h - qr_size) / 2, qr_size, qr_size)
        lines = [
            (label.product_name, 8.5),
            (str(_("Lô")) + ": " + label.lot, 7),
            (_("NSX") + ": " + label.produced, 6.5),
        ]
        if label.best_before:
            lines.append((_("HSD") + ": " + label.best_before, 6.5))
        if label.stars:
            lines.append(("OCOP " + ("★" * label.stars if unicode_font else f"{label.stars}*"), 7))
        if label.serial:
            lines.append((label.serial, 5.5))
        cursor = y + cell_h - 5 * mm
        for value, size in lines:
            canvas.setFont(font, size)
            canvas.drawString(x + text_x_offset, cursor, fit(value, size, text_width))
            cursor -= size + 2.5
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
    canvas.showPage()
    canvas.save()
    if progress:
        progress(count)
    return buffer.getvalue()
