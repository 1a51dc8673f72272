import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from backend.catalog.images import clean_image, snap_thumbnail_size
from backend.catalog.models import ProductMedia
from backend.catalog.services import product_media_create
from backend.core.errors import PermissionDenied
from tests.backend.catalog.factories import make_channel, make_product, png_bytes


def jpeg_with_exif(orientation: int) -> bytes:
    image = Image.new("RGB", (60, 20), "#336699")
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation
    exif[0x010F] = "Camera maker with GPS"  # Make
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    return output.getvalue()


def test_exif_orientation_is_applied_and_metadata_stripped():
    # when
    cleaned = clean_image(io.BytesIO(jpeg_with_exif(6)), name="photo.jpeg")

    # then
    assert (cleaned.width, cleaned.height) == (20, 60)
    reopened = Image.open(io.BytesIO(cleaned.content.read()))
    assert dict(reopened.getexif()) == {}
    assert cleaned.content.name == "photo.jpg"


def test_real_type_wins_over_the_extension():
    cleaned = clean_image(io.BytesIO(png_bytes()), name="looks-like.jpg")

    assert cleaned.format == "PNG"
    assert cleaned.content.name == "looks-like.png"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"not an image at all", "INVALID_FILE_TYPE"),
        (b"%PDF-1.4 fake pdf", "INVALID_FILE_TYPE"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "INVALID_FILE_TYPE"),
        (png_bytes()[:40], "INVALID_FILE_TYPE"),
        (b"", "INVALID_FILE_TYPE"),
    ],
)
def test_invalid_images_are_refused_with_a_code(data, code):
    with pytest.raises(ValidationError) as error:
        clean_image(io.BytesIO(data))

    assert error.value.error_dict["image"][0].code == code


def bmp_bytes() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (4, 4)).save(output, format="BMP")
    return output.getvalue()


def test_unsupported_formats_are_refused():
    with pytest.raises(ValidationError) as error:
        clean_image(io.BytesIO(bmp_bytes()))

    assert error.value.error_dict["image"][0].code == "INVALID_FILE_TYPE"


def test_decompression_bomb_is_refused_before_decoding():
    # given: a tiny file that claims 10000 x 10000 pixels
    output = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(output, format="PNG")
    data = output.getvalue()
    assert len(data) < 100_000

    # when
    with pytest.raises(ValidationError) as error:
        clean_image(io.BytesIO(data))

    # then
    assert error.value.error_dict["image"][0].code == "IMAGE_TOO_LARGE"


def test_files_over_the_size_limit_are_refused(settings):
    settings.MAX_UPLOAD_BYTES = 2048

    with pytest.raises(ValidationError) as error:
        clean_image(io.BytesIO(b"\0" * 4096))

    assert error.value.error_dict["image"][0].code == "FILE_TOO_LARGE"


@pytest.mark.parametrize(
    ("size", "snapped"),
    [(None, 4096), (1, 32), (32, 32), (200, 256), (100, 128), (300, 256), (9999, 4096)],
)
def test_sizes_snap_to_saleors_list(size, snapped):
    assert snap_thumbnail_size(size) == snapped


def test_product_media_create_stores_a_clean_image_and_refuses_bad_ones(db, django_user_model):
    # given
    product = make_product("Nem", channel=make_channel(), with_image=False)
    staff = django_user_model.objects.create_user(email="s@ocop.example", is_staff=True)
    shopper = django_user_model.objects.create_user(email="b@ocop.example")

    # when
    media = product_media_create(actor=staff, product=product, upload=io.BytesIO(png_bytes()))

    # then
    assert media.image.name.endswith(".png")
    with pytest.raises(ValidationError):
        product_media_create(actor=staff, product=product, upload=io.BytesIO(b"junk"))
    with pytest.raises(PermissionDenied):
        product_media_create(actor=shopper, product=product, upload=io.BytesIO(png_bytes()))
    assert ProductMedia.objects.filter(product=product).count() == 1
