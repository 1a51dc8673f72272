"""Every producer mutation against every kind of user (style.md rule 9)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from producers import services
from producers.models import ApplicationStatus, Producer, ProducerDocument, ProducerStatus
from tests.backend.graphql.producers.helpers import outcome, post_multipart, producer_id
from tests.conftest import PRODUCER_PROFILE, client_for
from tests.producers.helpers import PDF, approve, submit, upload

pytestmark = pytest.mark.django_db

ACTORS = ["anonymous", "shopper", "member_a", "member_b", "official", "staff"]

CREATE = """
mutation($input: ProducerCreateInput!) {
  producerCreate(input: $input) { producer { slug status } errors { field code message } }
}"""
UPDATE = """
mutation($id: ID!, $input: ProducerInput!) {
  producerUpdate(id: $id, input: $input) { producer { name } errors { field code } }
}"""
UPLOAD = """
mutation($input: ProducerDocumentUploadInput!) {
  producerDocumentUpload(input: $input) { document { documentType size } errors { field code } }
}"""
SUBMIT = """
mutation($id: ID!) {
  producerApplicationSubmit(id: $id) { producer { status } errors { field code } }
}"""
REVIEW = """
mutation($id: ID!) {
  producerApplicationReview(id: $id, input: {decision: APPROVE}) {
    producer { status } errors { field code }
  }
}"""
SUSPEND = """
mutation($id: ID!) {
  producerSuspend(id: $id, reason: "Hàng giả") { producer { status } errors { field code } }
}"""
REINSTATE = """
mutation($id: ID!) {
  producerReinstate(id: $id) { producer { status } errors { field code } }
}"""


def _matrix(*expected):
    return [
        pytest.param(actor, result, id=actor)
        for actor, result in zip(ACTORS, expected, strict=True)
    ]


@pytest.mark.parametrize(("actor", "expected"), _matrix("denied", "ok", "ok", "ok", "ok", "ok"))
def test_producer_create(actors, actor, expected):
    # when
    data = {"legalName": "HTX Mới", "name": "Mới", "legalForm": "HOP_TAC_XA", "provinceCode": "38"}
    response = client_for(actors[actor]).post_graphql(CREATE, {"input": data})

    # then
    assert outcome(response, "producerCreate") == expected
    assert Producer.objects.unscoped().count() == (1 if expected == "ok" else 0)


@pytest.mark.parametrize(
    ("actor", "expected"), _matrix("denied", "not_found", "ok", "not_found", "not_found", "ok")
)
def test_producer_update(actors, producer_a, producer_b, actor, expected):
    # when
    response = client_for(actors[actor]).post_graphql(
        UPDATE, {"id": producer_id(producer_a), "input": {"name": "Đổi tên"}}
    )

    # then
    assert outcome(response, "producerUpdate") == expected
    producer_a.refresh_from_db()
    assert (producer_a.name == "Đổi tên") is (expected == "ok")
    producer_b.refresh_from_db()
    assert producer_b.name == "Mắm tép Hoằng Hóa"


@pytest.mark.parametrize(
    ("actor", "expected"), _matrix("denied", "not_found", "ok", "not_found", "not_found", "ok")
)
def test_producer_document_upload(actors, producer_a, actor, expected):
    # when
    response = post_multipart(
        client_for(actors[actor]),
        UPLOAD,
        {
            "input": {
                "producer": producer_id(producer_a),
                "documentType": "BUSINESS_LICENCE",
                "file": None,
            }
        },
        {"variables.input.file": SimpleUploadedFile("gp.pdf", PDF, content_type="application/pdf")},
    )

    # then
    assert outcome(response, "producerDocumentUpload") == expected
    count = ProducerDocument.objects.for_producer(producer_a).count()
    assert count == (1 if expected == "ok" else 0)


@pytest.mark.parametrize(
    ("actor", "expected"), _matrix("denied", "not_found", "ok", "not_found", "not_found", "denied")
)
def test_producer_application_submit(actors, producer_a, member_a, actor, expected):
    # given
    upload(producer_a, member_a)

    # when
    response = client_for(actors[actor]).post_graphql(SUBMIT, {"id": producer_id(producer_a)})

    # then
    assert outcome(response, "producerApplicationSubmit") == expected
    producer_a.application.refresh_from_db()
    submitted = producer_a.application.status == ApplicationStatus.SUBMITTED
    assert submitted is (expected == "ok")


@pytest.mark.parametrize(
    ("actor", "expected"), _matrix("denied", "denied", "denied", "denied", "denied", "ok")
)
def test_producer_application_review(actors, producer_a, member_a, actor, expected):
    # given
    submit(producer_a, member_a)

    # when
    response = client_for(actors[actor]).post_graphql(REVIEW, {"id": producer_id(producer_a)})

    # then
    assert outcome(response, "producerApplicationReview") == expected
    producer_a.refresh_from_db()
    assert (producer_a.status == ProducerStatus.APPROVED) is (expected == "ok")


@pytest.mark.parametrize(
    ("actor", "expected"), _matrix("denied", "denied", "denied", "denied", "denied", "ok")
)
def test_producer_suspend(actors, producer_a, member_a, staff_user, actor, expected):
    # given
    approve(producer_a, member_a, staff_user)

    # when
    response = client_for(actors[actor]).post_graphql(SUSPEND, {"id": producer_id(producer_a)})

    # then
    assert outcome(response, "producerSuspend") == expected
    producer_a.refresh_from_db()
    assert (producer_a.status == ProducerStatus.SUSPENDED) is (expected == "ok")


@pytest.mark.parametrize(
    ("actor", "expected"), _matrix("denied", "denied", "denied", "denied", "denied", "ok")
)
def test_producer_reinstate(actors, producer_a, member_a, staff_user, actor, expected):
    # given
    approve(producer_a, member_a, staff_user)
    services.producer_suspend(actor=staff_user, producer_id=producer_a.pk, reason="Kiểm tra")

    # when
    response = client_for(actors[actor]).post_graphql(REINSTATE, {"id": producer_id(producer_a)})

    # then
    assert outcome(response, "producerReinstate") == expected
    producer_a.refresh_from_db()
    assert (producer_a.status == ProducerStatus.APPROVED) is (expected == "ok")


def test_create_with_a_duplicate_tax_code_answers_unique(producer_a, member_b):
    # when
    data = {
        "legalName": "HTX Khác",
        "name": "Khác",
        "legalForm": "HOP_TAC_XA",
        "provinceCode": "38",
        "taxCode": PRODUCER_PROFILE["tax_code"],
    }
    response = client_for(member_b).post_graphql(CREATE, {"input": data})

    # then
    payload = response.json()["data"]["producerCreate"]
    assert payload["errors"] == [
        {
            "field": "taxCode",
            "code": "UNIQUE",
            "message": "Mã số thuế này đã được đăng ký cho một chủ thể khác.",
        }
    ]
    assert Producer.objects.unscoped().count() == 1
