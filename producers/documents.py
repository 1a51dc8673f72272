"""Private documents: content checks on upload and short-lived signed links on the way out.

Uploads are accepted only when their first bytes are a PDF, JPEG, PNG or WebP signature and
the type the client claimed is that same type. Links are either our own signed view (local
private folder: ``TimestampSigner`` token bound to one user and one document) or, with S3,
the private bucket's presigned URL; both expire after ``settings.AWS_QUERYSTRING_EXPIRE``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from backend.core.files import DOCUMENT_TYPES, sniff_content_type
from producers.error_codes import ProducerErrorCode
from producers.models import DocumentAccessLog, ProducerDocument, private_storage

SIGNING_SALT = "producers.document"


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    extension: str
    size: int
    sha256: str


def check_upload(file: IO[bytes], *, claimed_type: str | None, size: int) -> CheckedFile:
    """Validate an uploaded document; raises ValidationError on the ``file`` field."""
    if size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            {
                "file": ValidationError(
                    _("Tệp quá lớn: tối đa %(limit)s MB."),
                    code=ProducerErrorCode.FILE_TOO_LARGE.value,
                    params={"limit": settings.MAX_UPLOAD_BYTES // (1024 * 1024)},
                )
            }
        )
    claimed = (claimed_type or "").split(";", 1)[0].strip().lower()
    if claimed not in DOCUMENT_TYPES:
        raise ValidationError(
            {
                "file": ValidationError(
                    _("Chỉ nhận tệp PDF, JPEG, PNG hoặc WebP."),
                    code=ProducerErrorCode.UNSUPPORTED_FILE_TYPE.value,
                )
            }
        )
    file.seek(0)
    sniffed = sniff_content_type(file.read(16))
    if sniffed != claimed:
        raise ValidationError(
            {
                "file": ValidationError(
                    _("Nội dung tệp không khớp với loại tệp đã khai báo (%(claimed)s)."),
                    code=ProducerErrorCode.FILE_TYPE_MISMATCH.value,
                    params={"claimed": claimed},
                )
            }
        )
    file.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: file.read(64 * 1024), b""):
        digest.update(chunk)
    file.seek(0)
    return CheckedFile(
        content_type=claimed,
        extension=DOCUMENT_TYPES[claimed],
        size=size,
        sha256=digest.hexdigest(),
    )


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=SIGNING_SALT)


def sign_document_token(document: ProducerDocument, user: Any) -> str:
    return _signer().sign_object({"d": document.pk, "u": user.pk})


def read_document_token(token: str) -> tuple[int, int]:
    """(document pk, user pk) of a valid, unexpired token; raises signing.BadSignature."""
    data = _signer().unsign_object(token, max_age=settings.AWS_QUERYSTRING_EXPIRE)
    if not isinstance(data, dict) or not {"d", "u"} <= data.keys():
        raise signing.BadSignature("Malformed document token")
    return int(data["d"]), int(data["u"])


def serves_locally() -> bool:
    """Local private folders have no URLs of their own: our signed view streams the file."""
    return isinstance(private_storage(), FileSystemStorage)


def document_url(document: ProducerDocument, user: Any, *, absolute: bool = False) -> str:
    """A short-lived link for ``user``, who must already be allowed to see ``document``."""
    if serves_locally():
        path = reverse("producers:document-download", args=[sign_document_token(document, user)])
        return f"{settings.PUBLIC_URL}{path}" if absolute else path
    # The bucket's presigned URL: we never see the download, so log handing it out.
    DocumentAccessLog.objects.create(
        document=document, user=user, action=DocumentAccessLog.Action.URL_ISSUED
    )
    return str(document.file.storage.url(document.file.name))
