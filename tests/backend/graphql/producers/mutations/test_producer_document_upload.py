import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from producers.models import ProducerDocument
from tests.backend.graphql.producers.helpers import post_multipart, producer_id
from tests.conftest import client_for
from tests.producers.helpers import PDF, PNG_HEAD

pytestmark = pytest.mark.django_db

UPLOAD = """
mutation($input: ProducerDocumentUploadInput!) {
  producerDocumentUpload(input: $input) {
    document { documentType number issuedOn expiresOn contentType size sha256 url }
    errors { field code message }
  }
}"""


def _variables(producer, **extra):
    return {
        "input": {
            "producer": producer_id(producer),
            "documentType": "FOOD_SAFETY",
            "file": None,
            **extra,
        }
    }


def test_upload_stores_the_document(producer_a, member_a):
    # when
    response = post_multipart(
        client_for(member_a),
        UPLOAD,
        _variables(producer_a, number="ATTP-1", issuedOn="2025-01-01", expiresOn="2028-01-01"),
        {"variables.input.file": SimpleUploadedFile("a.pdf", PDF, content_type="application/pdf")},
    )

    # then
    payload = response.json()["data"]["producerDocumentUpload"]
    assert payload["errors"] == []
    document = payload["document"]
    assert document["documentType"] == "FOOD_SAFETY"
    assert (document["contentType"], document["size"]) == ("application/pdf", len(PDF))
    assert document["url"].startswith("http")
    assert "/media/" not in document["url"]


@pytest.mark.parametrize(
    ("content", "claimed", "code"),
    [
        (PDF, "image/png", "FILE_TYPE_MISMATCH"),
        (PNG_HEAD, "application/pdf", "FILE_TYPE_MISMATCH"),
        (b"MZ\x90\x00", "application/octet-stream", "UNSUPPORTED_FILE_TYPE"),
    ],
)
def test_bad_content_is_refused(producer_a, member_a, content, claimed, code):
    response = post_multipart(
        client_for(member_a),
        UPLOAD,
        _variables(producer_a),
        {"variables.input.file": SimpleUploadedFile("a.pdf", content, content_type=claimed)},
    )

    errors = response.json()["data"]["producerDocumentUpload"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("file", code)]
    assert ProducerDocument.objects.for_producer(producer_a).count() == 0


def test_oversized_file_is_refused(producer_a, member_a, settings):
    settings.MAX_UPLOAD_BYTES = 1024

    response = post_multipart(
        client_for(member_a),
        UPLOAD,
        _variables(producer_a),
        {
            "variables.input.file": SimpleUploadedFile(
                "a.pdf", PDF + b" " * 2048, content_type="application/pdf"
            )
        },
    )

    errors = response.json()["data"]["producerDocumentUpload"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("file", "FILE_TOO_LARGE")]
    assert ProducerDocument.objects.for_producer(producer_a).count() == 0


def test_expiry_before_issue_is_refused(producer_a, member_a):
    response = post_multipart(
        client_for(member_a),
        UPLOAD,
        _variables(producer_a, issuedOn="2025-01-01", expiresOn="2024-01-01"),
        {"variables.input.file": SimpleUploadedFile("a.pdf", PDF, content_type="application/pdf")},
    )

    errors = response.json()["data"]["producerDocumentUpload"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("expiresOn", "INVALID")]


def test_a_map_to_a_missing_file_part_is_a_bad_request(producer_a, member_a):
    import json

    response = client_for(member_a).post(
        "/graphql/",
        {
            "operations": json.dumps({"query": UPLOAD, "variables": _variables(producer_a)}),
            "map": json.dumps({"0": ["variables.input.file"]}),
        },
    )

    assert response.status_code == 400
