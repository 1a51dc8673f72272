"""Dossier documents uploaded through GraphQL (the multipart request spec)."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from backend.graphql.core.ids import to_global_id
from backend.ocop.models import ApplicationDocument, ApplicationStatus
from tests.backend.graphql.producers.helpers import post_multipart

UPLOAD = """
mutation Upload($id: ID!, $title: String!, $file: Upload!) {
  ocopApplicationDocumentUpload(id: $id, title: $title, file: $file) {
    application { status documents { title contentType size } }
    errors { field code message }
  }
}
"""
PDF = b"%PDF-1.7\n% ho so OCOP\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(client, application, content=PDF, name="ho-so.pdf", title="Bản thuyết minh"):
    variables = {
        "id": to_global_id("OcopApplication", application.pk),
        "title": title,
        "file": None,
    }
    files = {"variables.file": SimpleUploadedFile(name, content, content_type="application/pdf")}
    return json.loads(post_multipart(client, UPLOAD, variables, files).content)


def test_member_adds_a_document_to_a_draft(world, api_client):
    # given
    application = world.application(ApplicationStatus.DRAFT)
    api_client.force_login(world.member)

    # when
    body = upload(api_client, application)

    # then
    payload = body["data"]["ocopApplicationDocumentUpload"]
    assert payload["errors"] == []
    assert payload["application"]["documents"] == [
        {"title": "Bản thuyết minh", "contentType": "application/pdf", "size": len(PDF)}
    ]
    assert ApplicationDocument.objects.get().application_id == application.pk


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (b"MZ\x90\x00 not a document", "ho-so.pdf", "UNSUPPORTED_FILE_TYPE"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_stored(world, api_client, content, name, code):
    # given
    application = world.application(ApplicationStatus.DRAFT)
    api_client.force_login(world.member)

    # when
    body = upload(api_client, application, content=content, name=name)

    # then
    errors = body["data"]["ocopApplicationDocumentUpload"]["errors"]
    assert [error["code"] for error in errors] == [code]
    assert ApplicationDocument.objects.count() == 0


def test_only_drafts_take_documents(world, api_client):
    # given
    application = world.application(ApplicationStatus.SUBMITTED)
    api_client.force_login(world.member)

    # when
    body = upload(api_client, application)

    # then
    errors = body["data"]["ocopApplicationDocumentUpload"]["errors"]
    assert [error["code"] for error in errors] == ["INVALID_TRANSITION"]
    assert ApplicationDocument.objects.count() == 0


@pytest.mark.parametrize("who", ["shopper", "other_assessor"])
def test_others_cannot_add_documents(world, api_client, who):
    # given
    application = world.application(ApplicationStatus.DRAFT)
    api_client.force_login(getattr(world, who))

    # when
    body = upload(api_client, application)

    # then
    errors = body["data"]["ocopApplicationDocumentUpload"]["errors"]
    assert errors and errors[0]["code"] in {"NOT_FOUND", "NOT_PRODUCER_MEMBER"}
    assert ApplicationDocument.objects.count() == 0
