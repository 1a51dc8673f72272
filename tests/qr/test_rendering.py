"""Rendering tests.

No QR decoder (pyzbar, zxing-cpp, OpenCV) is installed in the venv, so these tests do not
decode the images. Instead they check that the PNG is a faithful drawing of the matrix that
``qrcode`` computes for the same data and settings, module by module.
"""

import io
import xml.etree.ElementTree as ET

import pytest
import qrcode
import qrcode.constants
from PIL import Image

from qr.rendering import qr_png, qr_svg

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
LINK = "https://ocop.example.vn/01/08931234567897/10/L2026-01"
SVG_NS = "{http://www.w3.org/2000/svg}"


def _matrix(data: str, *, border: int, level: int) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=level, border=border)
    code.add_data(data)
    code.make(fit=True)
    return code.get_matrix()


def test_png_has_signature_and_opens_in_pillow():
    # when
    png = qr_png(LINK)

    # then
    assert png.startswith(PNG_SIGNATURE)
    with Image.open(io.BytesIO(png)) as image:
        image.verify()
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.size[0] == image.size[1]


@pytest.mark.parametrize(
    ("level_name", "level"),
    [("M", qrcode.constants.ERROR_CORRECT_M), ("Q", qrcode.constants.ERROR_CORRECT_Q)],
)
@pytest.mark.parametrize(("box_size", "border"), [(10, 4), (3, 6)])
def test_png_draws_the_qr_matrix_module_by_module(level_name, level, box_size, border):
    # given
    matrix = _matrix(LINK, border=border, level=level)

    # when
    png = qr_png(LINK, box_size=box_size, border=border, error_correction=level_name)

    # then
    with Image.open(io.BytesIO(png)) as image:
        pixels = image.convert("L")
        assert pixels.size == (len(matrix) * box_size, len(matrix) * box_size)
        for row, cells in enumerate(matrix):
            for column, dark in enumerate(cells):
                centre = (column * box_size + box_size // 2, row * box_size + box_size // 2)
                assert (pixels.getpixel(centre) < 128) == dark, (row, column)


def test_quiet_zone_is_light():
    # given
    box_size, border = 2, 4

    # when
    with Image.open(io.BytesIO(qr_png("OCOP", box_size=box_size, border=border))) as image:
        pixels = image.convert("L")
        size = pixels.size[0]
        margin = box_size * border

        # then
        for offset in range(size):
            for x, y in ((offset, 0), (0, offset), (offset, margin - 1), (margin - 1, offset)):
                assert pixels.getpixel((x, y)) > 128
                assert pixels.getpixel((size - 1 - x, size - 1 - y)) > 128


def test_error_correction_level_changes_the_symbol():
    assert qr_png(LINK, error_correction="M") != qr_png(LINK, error_correction="Q")


def test_svg_is_well_formed_and_sized_in_modules():
    # given
    modules = len(_matrix(LINK, border=4, level=qrcode.constants.ERROR_CORRECT_M))

    # when
    svg = qr_svg(LINK)

    # then
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == f"0 0 {modules} {modules}"
    paths = root.findall(f"{SVG_NS}path")
    assert paths
    assert any(path.get("d") for path in paths)
    assert root.find(f"{SVG_NS}rect") is not None  # white background keeps the quiet zone


def test_svg_respects_border():
    modules = len(_matrix("OCOP", border=8, level=qrcode.constants.ERROR_CORRECT_Q))

    root = ET.fromstring(qr_svg("OCOP", border=8, error_correction="Q"))

    assert root.get("viewBox") == f"0 0 {modules} {modules}"


@pytest.mark.parametrize("render", [qr_png, qr_svg])
@pytest.mark.parametrize(
    ("data", "kwargs", "message"),
    [
        ("Chuyển tiền", {}, "ASCII"),
        ("", {}, "non-empty"),
        (b"bytes", {}, "non-empty string"),
        ("x", {"error_correction": "L"}, "Error correction"),
        ("x", {"error_correction": "H"}, "Error correction"),
        ("x", {"error_correction": "m"}, "Error correction"),
        ("x", {"border": 3}, "at least 4"),
        ("x", {"border": True}, "at least 4"),
        ("x", {"box_size": 0}, "Box size"),
        ("x", {"box_size": 1.5}, "Box size"),
        ("x" * 5000, {}, "too long"),
    ],
)
def test_bad_input_raises_value_error(render, data, kwargs, message):
    with pytest.raises(ValueError, match=message):
        render(data, **kwargs)
