import json

import pytest

from backend.graphql.core.ids import to_global_id
from backend.ocop.models import (
    ApplicationEvent,
    ApplicationStatus,
    Assessment,
    Certificate,
    CertificationApplication,
)
from tests.backend.ocop.factories import sheet_for
from tests.conftest import content

CREATE = """
mutation($product: ID!, $set: Int!) {
  ocopApplicationCreate(input: {product: $product, productSet: $set}) {
    application { id status productSet criteriaSet }
    errors { field code message }
  }
}
"""

SUBMIT = """
mutation($id: ID!) {
  ocopApplicationSubmit(id: $id) {
    application { status submittedAt }
    errors { field code message }
  }
}
"""

ASSESS = """
mutation($id: ID!, $sheets: [OcopScoreSheetInput!]!) {
  ocopAssessmentSubmit(application: $id, sheets: $sheets) {
    assessment { total stars memberCount level }
    application { status stars score }
    errors { field code message }
  }
}
"""

ISSUE = """
mutation($id: ID!) {
  ocopCertificateIssue(
    application: $id
    input: {decisionNumber: "715/QĐ-UBND", decisionDate: "2026-03-10"}
  ) {
    certificate { number stars issuingBody validUntil status }
    errors { field code message }
  }
}
"""

REVOKE = """
mutation($number: String!, $reason: String!) {
  ocopCertificateRevoke(number: $number, reason: $reason) {
    certificate { status isValid revocationReason }
    errors { field code message }
  }
}
"""


def counts():
    return (
        CertificationApplication.objects.count(),
        Assessment.objects.count(),
        Certificate.objects.count(),
        ApplicationEvent.objects.count(),
    )


def gid(app):
    return to_global_id("OcopApplication", app.pk)


def sheets_input(*totals):
    return [
        {
            "member": f"Thành viên {index}",
            "scores": [{"criterion": c, "points": str(p)} for c, p in sheet_for(total).scores],
        }
        for index, total in enumerate(totals)
    ]


def test_member_creates_and_submits_an_application(world, api_client):
    # given
    api_client.force_login(world.member)

    # when
    created = content(
        api_client.post_graphql(
            CREATE, {"product": to_global_id("Product", world.product.pk), "set": 8}
        )
    )["data"]["ocopApplicationCreate"]
    submitted = content(api_client.post_graphql(SUBMIT, {"id": created["application"]["id"]}))

    # then
    assert created["errors"] == []
    assert created["application"]["status"] == "DRAFT"
    assert created["application"]["criteriaSet"] == "QD148-2023"
    data = submitted["data"]["ocopApplicationSubmit"]
    assert data["errors"] == []
    assert data["application"]["status"] == "SUBMITTED"


@pytest.mark.parametrize(
    ("who", "product_set", "code"),
    [
        ("shopper", 8, "NOT_PRODUCER_MEMBER"),
        ("assessor", 8, "NOT_PRODUCER_MEMBER"),
        ("member", 27, "INVALID_PRODUCT_SET"),
    ],
)
def test_create_refusals_change_nothing(world, api_client, who, product_set, code):
    api_client.force_login(getattr(world, who))
    before = counts()
    data = content(
        api_client.post_graphql(
            CREATE, {"product": to_global_id("Product", world.product.pk), "set": product_set}
        )
    )["data"]["ocopApplicationCreate"]
    assert [e["code"] for e in data["errors"]] == [code]
    assert data["application"] is None
    assert counts() == before


def test_anonymous_mutations_are_permission_errors(world, api_client):
    before = counts()
    response = json.loads(
        api_client.post_graphql(
            CREATE, {"product": to_global_id("Product", world.product.pk), "set": 8}
        ).content
    )
    assert response["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert counts() == before


def test_shopper_cannot_see_or_submit_someone_elses_application(world, api_client):
    app = world.application()
    api_client.force_login(world.shopper)
    data = content(api_client.post_graphql(SUBMIT, {"id": gid(app)}))["data"][
        "ocopApplicationSubmit"
    ]
    assert [e["code"] for e in data["errors"]] == ["NOT_FOUND"]
    app.refresh_from_db()
    assert app.status == ApplicationStatus.DRAFT


def test_assessor_scores_and_stars_follow_the_band(world, api_client):
    app = world.application(ApplicationStatus.UNDER_ASSESSMENT)
    api_client.force_login(world.assessor)
    data = content(
        api_client.post_graphql(ASSESS, {"id": gid(app), "sheets": sheets_input("70", "69.99")})
    )["data"]["ocopAssessmentSubmit"]
    assert data["errors"] == []
    assert data["assessment"] == {
        "total": "69.99",
        "stars": 3,
        "memberCount": 2,
        "level": "provincial",
    }
    assert data["application"]["status"] == "SCORED"


@pytest.mark.parametrize(
    ("who", "points", "code"),
    [
        ("assessor", "15", "SCORE_ABOVE_MAXIMUM"),
        ("assessor", "-1", "NEGATIVE_SCORE"),
        ("other_assessor", "10", "OUTSIDE_JURISDICTION"),
        ("approver", "10", "WRONG_OFFICIAL_ROLE"),
    ],
)
def test_assessment_refusals_change_nothing(world, api_client, who, points, code):
    app = world.application(ApplicationStatus.UNDER_ASSESSMENT)
    sheets = sheets_input("80")
    sheets[0]["scores"][0]["points"] = points
    api_client.force_login(getattr(world, who))
    before = counts()
    data = content(api_client.post_graphql(ASSESS, {"id": gid(app), "sheets": sheets}))["data"][
        "ocopAssessmentSubmit"
    ]
    assert [e["code"] for e in data["errors"]] == [code]
    assert counts() == before


def test_issue_and_revoke_through_the_api(world, api_client):
    # given
    app = world.application(ApplicationStatus.SCORED, total="82")
    api_client.force_login(world.approver)

    # when
    issued = content(api_client.post_graphql(ISSUE, {"id": gid(app)}))["data"][
        "ocopCertificateIssue"
    ]
    number = issued["certificate"]["number"]
    revoked = content(api_client.post_graphql(REVOKE, {"number": number, "reason": "Vi phạm"}))[
        "data"
    ]["ocopCertificateRevoke"]

    # then
    assert issued["errors"] == []
    assert issued["certificate"] == {
        "number": number,
        "stars": 4,
        "issuingBody": "UBND tỉnh Thanh Hóa",
        "validUntil": "2029-03-09",
        "status": "ACTIVE",
    }
    assert revoked == {
        "certificate": {"status": "REVOKED", "isValid": False, "revocationReason": "Vi phạm"},
        "errors": [],
    }


def test_province_cannot_issue_five_stars(world, api_client):
    app = world.application(ApplicationStatus.PROPOSED_FIVE_STAR, total="91")
    api_client.force_login(world.approver)
    before = counts()
    data = content(api_client.post_graphql(ISSUE, {"id": gid(app)}))["data"]["ocopCertificateIssue"]
    assert [e["code"] for e in data["errors"]] == ["FIVE_STARS_CENTRAL_ONLY"]
    assert counts() == before
    api_client.force_login(world.central_approver)
    data = content(api_client.post_graphql(ISSUE, {"id": gid(app)}))["data"]["ocopCertificateIssue"]
    assert data["certificate"]["stars"] == 5
    assert data["certificate"]["issuingBody"] == "Bộ Nông nghiệp và Môi trường"


def test_revoking_an_unknown_number_is_not_found(world, api_client):
    api_client.force_login(world.approver)
    data = content(api_client.post_graphql(REVOKE, {"number": "nope", "reason": "x"}))["data"][
        "ocopCertificateRevoke"
    ]
    assert data["errors"] == [
        {"field": "number", "code": "NOT_FOUND", "message": "Không tìm thấy giấy chứng nhận."}
    ]
