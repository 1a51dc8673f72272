import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse

from producers.documents import SIGNING_SALT, sign_document_token
from producers.models import DocumentAccessLog, ProducerDocument
from tests.conftest import client_for
from tests.producers.helpers import PDF, PNG_HEAD, WEBP_HEAD, upload

pytestmark = pytest.mark.django_db


def _stored_files(producer) -> set[Path]:
    # Only this producer's folder: parallel test workers share the private media root.
    root = Path(settings.PRIVATE_MEDIA_ROOT) / "producers" / str(producer.pk)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def test_document_is_stored_privately_with_its_digest(producer_a, member_a):
    # when
    document = upload(producer_a, member_a)

    # then
    assert document.file.storage is not None
    assert Path(document.file.path).is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not Path(document.file.path).is_relative_to(Path(settings.MEDIA_ROOT))
    assert document.content_type == "application/pdf"
    assert document.size == len(PDF)
    assert len(document.sha256) == 64
    assert document.file.read() == PDF


@pytest.mark.parametrize(
    ("content", "claimed", "code"),
    [
        (PDF, "image/png", "FILE_TYPE_MISMATCH"),
        (PNG_HEAD, "application/pdf", "FILE_TYPE_MISMATCH"),
        (b"<html><script>alert(1)</script>", "application/pdf", "FILE_TYPE_MISMATCH"),
        (WEBP_HEAD, "image/jpeg", "FILE_TYPE_MISMATCH"),
        (b"GIF89a" + b"\x00" * 20, "image/gif", "UNSUPPORTED_FILE_TYPE"),
        (PDF, "", "UNSUPPORTED_FILE_TYPE"),
    ],
)
def test_content_must_match_the_claimed_type(producer_a, member_a, content, claimed, code):
    # given
    files_before = _stored_files(producer_a)

    # when
    with pytest.raises(ValidationError) as raised:
        upload(producer_a, member_a, content=content, content_type=claimed)

    # then
    assert [e.code for e in raised.value.error_dict["file"]] == [code]
    assert ProducerDocument.objects.for_producer(producer_a).count() == 0
    assert _stored_files(producer_a) == files_before


@pytest.mark.parametrize(
    ("content", "claimed"), [(PNG_HEAD, "image/png"), (WEBP_HEAD, "image/webp")]
)
def test_images_are_accepted(producer_a, member_a, content, claimed):
    document = upload(producer_a, member_a, content=content, content_type=claimed)

    assert document.content_type == claimed


def test_oversized_file_is_refused(producer_a, member_a, settings):
    # given
    settings.MAX_UPLOAD_BYTES = 1024
    files_before = _stored_files(producer_a)

    # when
    with pytest.raises(ValidationError) as raised:
        upload(producer_a, member_a, content=PDF + b"%" * 2048)

    # then
    assert [e.code for e in raised.value.error_dict["file"]] == ["FILE_TOO_LARGE"]
    assert ProducerDocument.objects.for_producer(producer_a).count() == 0
    assert _stored_files(producer_a) == files_before


def _url(document, user):
    return reverse("producers:document-download", args=[sign_document_token(document, user)])


@pytest.mark.parametrize("who", ["member_a", "staff"])
def test_signed_url_streams_the_file_and_logs_the_access(producer_a, actors, who):
    # given
    document = upload(producer_a, actors["member_a"])
    user = actors[who]

    # when
    response = client_for(user).get(_url(document, user))

    # then
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline; filename=")
    assert "no-store" in response["Cache-Control"]
    assert "sandbox" in response["Content-Security-Policy"]
    log = DocumentAccessLog.objects.get()
    assert (log.document, log.user, log.action) == (document, user, "downloaded")


def test_a_url_signed_for_another_user_is_not_found(producer_a, member_a, staff_user):
    # given: a link the member was given, opened by someone else signed in
    document = upload(producer_a, member_a)

    # when
    response = client_for(staff_user).get(_url(document, member_a))

    # then
    assert response.status_code == 404
    assert DocumentAccessLog.objects.count() == 0


def test_a_url_for_a_user_without_access_is_not_found(producer_a, member_a, member_b):
    document = upload(producer_a, member_a)

    response = client_for(member_b).get(_url(document, member_b))

    assert response.status_code == 404
    assert DocumentAccessLog.objects.count() == 0


def test_an_expired_url_is_not_found(producer_a, member_a):
    # given: a token signed long before the expiry window
    document = upload(producer_a, member_a)

    class PastSigner(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - settings.AWS_QUERYSTRING_EXPIRE - 60)

    token = PastSigner(salt=SIGNING_SALT).sign_object({"d": document.pk, "u": member_a.pk})

    # when
    response = client_for(member_a).get(reverse("producers:document-download", args=[token]))

    # then
    assert response.status_code == 404
    assert DocumentAccessLog.objects.count() == 0


def test_a_tampered_url_is_not_found(producer_a, member_a):
    document = upload(producer_a, member_a)
    token = sign_document_token(document, member_a)

    response = client_for(member_a).get(
        reverse("producers:document-download", args=[token[:-2] + "xx"])
    )

    assert response.status_code == 404


def test_anonymous_download_redirects_to_sign_in(producer_a, member_a):
    document = upload(producer_a, member_a)

    response = client_for(None).get(_url(document, member_a))

    assert response.status_code == 302
    assert DocumentAccessLog.objects.count() == 0
