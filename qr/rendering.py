"""Render QR codes as PNG bytes or SVG text with the ``qrcode`` package.

Only ASCII data is accepted: QR readers guess the character set of byte-mode data, so
non-ASCII text must be percent-encoded (Digital Links) or transliterated (VietQR) by the
caller. Error correction is limited to M (15 %) and Q (25 %): L is too fragile for printed
packaging and H makes dense codes that cheap phone cameras misread.
"""

from __future__ import annotations

import io

import qrcode
import qrcode.constants
from qrcode.exceptions import DataOverflowError
from qrcode.image.pil import PilImage
from qrcode.image.svg import SvgPathFillImage

ERROR_CORRECTION_LEVELS = {
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
}
# ISO/IEC 18004 requires a quiet zone of at least four modules around the symbol.
MIN_BORDER = 4


def qr_png(data: str, *, box_size: int = 10, border: int = 4, error_correction: str = "M") -> bytes:
    """Return a black-on-white PNG of ``data`` as a QR code.

    The image is ``(modules + 2 * border) * box_size`` pixels square, with the smallest
    QR version that fits. Raises ValueError for non-ASCII or empty data, data too long
    for any QR version, an error correction level other than "M" or "Q", a border below
    four modules, or a box size below one pixel.
    """
    code = _make_code(data, box_size=box_size, border=border, error_correction=error_correction)
    image = code.make_image(image_factory=PilImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue()


def qr_svg(data: str, *, box_size: int = 10, border: int = 4, error_correction: str = "M") -> str:
    """Return a standalone SVG document of ``data`` as a QR code: one path on a white fill.

    The fill keeps the quiet zone light when the SVG is placed on a coloured label.
    Sizes are in millimetres, ``box_size`` 10 being 1 mm per module. Same preconditions and
    errors as ``qr_png``.
    """
    code = _make_code(data, box_size=box_size, border=border, error_correction=error_correction)
    image = code.make_image(image_factory=SvgPathFillImage)
    return image.to_string(encoding="unicode")


def qr_matrix(data: str, *, border: int = 4, error_correction: str = "M") -> list[list[bool]]:
    """Return the QR modules of ``data`` as rows of booleans (True = dark), quiet zone of
    ``border`` modules included, for callers that draw the code themselves (label PDFs).
    Same preconditions and errors as ``qr_png``."""
    code = _make_code(data, box_size=1, border=border, error_correction=error_correction)
    return [list(row) for row in code.get_matrix()]


def _make_code(data: str, *, box_size: int, border: int, error_correction: str) -> qrcode.QRCode:
    if not isinstance(data, str) or not data:
        raise ValueError("QR data must be a non-empty string.")
    if not data.isascii():
        raise ValueError("QR data must be ASCII; percent-encode or transliterate it first.")
    if error_correction not in ERROR_CORRECTION_LEVELS:
        raise ValueError(
            f"Error correction must be one of {sorted(ERROR_CORRECTION_LEVELS)}, "
            f"not {error_correction!r}."
        )
    if isinstance(border, bool) or not isinstance(border, int) or border < MIN_BORDER:
        raise ValueError(f"Border (quiet zone) must be an int of at least {MIN_BORDER} modules.")
    if isinstance(box_size, bool) or not isinstance(box_size, int) or box_size < 1:
        raise ValueError("Box size must be a positive int.")
    code = qrcode.QRCode(
        error_correction=ERROR_CORRECTION_LEVELS[error_correction],
        box_size=box_size,
        border=border,
    )
    code.add_data(data)
    try:
        code.make(fit=True)
    # qrcode 8 raises a bare ValueError ("Invalid version") rather than DataOverflowError
    # when fit=True runs past version 40.
    except (DataOverflowError, ValueError) as error:
        raise ValueError("QR data is too long for the largest QR version.") from error
    return code
