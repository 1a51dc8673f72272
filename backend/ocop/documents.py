"""Dossier uploads: the content decides the type (magic bytes), never the file name."""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from backend.core.errors import DomainError
from backend.core.files import sniff_content_type
from backend.ocop.error_codes import OcopErrorCode


def validate_dossier_file(upload: UploadedFile) -> str:
    """Return the sniffed content type; DomainError FILE_TOO_LARGE / UNSUPPORTED_FILE_TYPE."""
    limit = settings.MAX_UPLOAD_BYTES
    if upload.size is None or upload.size > limit:
        raise DomainError(
            OcopErrorCode.FILE_TOO_LARGE.value,
            str(_("Tệp quá lớn: tối đa %(limit)s MB.") % {"limit": limit // (1024 * 1024)}),
            field="file",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = sniff_content_type(head)
    if content_type is None:
        raise DomainError(
            OcopErrorCode.UNSUPPORTED_FILE_TYPE.value,
            str(_("Chỉ nhận tệp PDF, JPEG, PNG hoặc WebP.")),
            field="file",
        )
    return content_type
