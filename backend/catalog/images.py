"""Uploaded images and their thumbnails, through Pillow.

Uploads are decoded (the real type, not the extension), refused when too large in bytes or
pixels (decompression bombs), turned upright by their EXIF orientation and re-encoded
without metadata. Thumbnails follow Saleor: fixed sizes, formats original/WEBP/AVIF.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from backend.catalog.error_codes import CatalogErrorCode
from backend.catalog.models import ThumbnailFormat

THUMBNAIL_SIZES = (32, 64, 128, 256, 512, 1024, 2048, 4096)
DEFAULT_THUMBNAIL_SIZE = 4096
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif", "AVIF": "avif"}
# Width x height: large enough for any phone camera, far below a decompression bomb.
MAX_IMAGE_PIXELS = 40_000_000


@dataclass(frozen=True)
class CleanImage:
    content: ContentFile[bytes]
    format: str
    width: int
    height: int


def _error(message: Any, code: CatalogErrorCode) -> ValidationError:
    return ValidationError({"image": ValidationError(message, code=code.value)})


def clean_image(upload: IO[bytes], *, name: str = "image") -> CleanImage:
    """Validate and normalise an uploaded image; ValidationError on field ``image`` otherwise."""
    max_bytes = settings.MAX_UPLOAD_BYTES
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _error(
            _("Tệp ảnh quá lớn: tối đa %(limit)s byte.") % {"limit": max_bytes},
            CatalogErrorCode.FILE_TOO_LARGE,
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image_format = image.format or ""
            if image_format not in ALLOWED_FORMATS:
                raise _error(
                    _("Định dạng ảnh không được hỗ trợ (chỉ JPEG, PNG, WebP, GIF, AVIF)."),
                    CatalogErrorCode.INVALID_FILE_TYPE,
                )
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise _error(
                    _("Ảnh quá lớn: tối đa %(limit)s điểm ảnh.") % {"limit": MAX_IMAGE_PIXELS},
                    CatalogErrorCode.IMAGE_TOO_LARGE,
                )
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _error(
            _("Ảnh quá lớn: tối đa %(limit)s điểm ảnh.") % {"limit": MAX_IMAGE_PIXELS},
            CatalogErrorCode.IMAGE_TOO_LARGE,
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise _error(
            _("Tệp tải lên không phải là ảnh hợp lệ."), CatalogErrorCode.INVALID_FILE_TYPE
        ) from exc
    upright = ImageOps.exif_transpose(image)
    output = io.BytesIO()
    # Re-encoding from pixels drops EXIF (GPS, camera serials) and any trailing payload.
    save_format = "PNG" if image_format == "GIF" else image_format
    if save_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    upright.save(output, format=save_format, **_quality(save_format))
    extension = ALLOWED_FORMATS[save_format]
    stem = name.rsplit(".", 1)[0][:80] or "image"
    return CleanImage(
        content=ContentFile(output.getvalue(), name=f"{stem}.{extension}"),
        format=save_format,
        width=upright.width,
        height=upright.height,
    )


def _quality(image_format: str) -> dict[str, object]:
    if image_format in ("JPEG", "WEBP", "AVIF"):
        return {"quality": 85}
    return {"optimize": True}


def snap_thumbnail_size(size: int | None) -> int:
    """Saleor's rule: the nearest of the supported sizes (4096 when not given)."""
    requested = DEFAULT_THUMBNAIL_SIZE if size is None else size
    return min(THUMBNAIL_SIZES, key=lambda candidate: (abs(candidate - requested), candidate))


def render_thumbnail(source: IO[bytes], *, size: int, fmt: str) -> tuple[bytes, str]:
    """The thumbnail bytes (longest side ``size``, never upscaled) and their file extension."""
    with Image.open(source) as image:
        image_format = image.format or "PNG"
        image.load()
        thumbnail = image.copy()
    thumbnail.thumbnail((size, size), Image.Resampling.LANCZOS)
    target = {
        ThumbnailFormat.WEBP: "WEBP",
        ThumbnailFormat.AVIF: "AVIF",
    }.get(ThumbnailFormat(fmt), image_format if image_format in ALLOWED_FORMATS else "PNG")
    if target == "GIF":
        target = "PNG"
    if target == "JPEG" and thumbnail.mode not in ("RGB", "L"):
        thumbnail = thumbnail.convert("RGB")
    output = io.BytesIO()
    thumbnail.save(output, format=target, **_quality(target))
    return output.getvalue(), ALLOWED_FORMATS[target]
