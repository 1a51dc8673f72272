import datetime
import json

import pytest

from backend.graphql.core.ids import to_global_id
from backend.ocop import certificate_services
from backend.ocop.models import ApplicationStatus, Certificate
from tests.backend.ocop.factories import make_product
from tests.conftest import content

CRITERIA_SETS = """
query { ocopCriteriaSets { code effectiveFrom maxPoints
  parts { code name maxPoints criteria { code maxPoints productSets } } } }
"""

APPLICATIONS = """
query($status: OcopApplicationStatusEnum) {
  ocopApplications(first: 20, filter: {status: $status}) {
    totalCount
    edges { node { id status stars score criteriaSet product { name } producer { name }
      certificate { number } } }
  }
}
"""

CERTIFICATES = """
query($filter: OcopCertificateFilterInput) {
  ocopCertificates(first: 20, filter: $filter) {
    totalCount
    edges { node { number stars status isValid issuingBody validUntil
      product { name } producer { name } province { name } } }
  }
}
"""

CERTIFICATE = """
query($number: String!) {
  ocopCertificate(number: $number) {
    number status isValid stars decisionNumber validFrom validUntil revocationReason
    product { id name } producer { name }
  }
}
"""


def test_criteria_sets_are_public(api_client, db):
    data = content(api_client.post_graphql(CRITERIA_SETS))["data"]["ocopCriteriaSets"]
    assert [item["code"] for item in data] == ["QD148-2023"]
    assert [(p["code"], p["maxPoints"]) for p in data[0]["parts"]] == [
        ("A", 40),
        ("B", 25),
        ("C", 35),
    ]
    assert data[0]["parts"][0]["criteria"][0] == {
        "code": "A1",
        "maxPoints": 14,
        "productSets": None,
    }


@pytest.mark.parametrize(
    ("who", "visible"),
    [
        ("member", 3),
        ("assessor", 2),
        ("approver", 2),
        ("other_assessor", 0),
        ("central_approver", 1),
        ("shopper", 0),
        ("staff", 3),
        (None, 0),
    ],
)
def test_applications_are_scoped(world, api_client, who, visible):
    # given: a draft, a submitted application and a five-star proposal, all in province 38
    world.application()
    world.application(ApplicationStatus.SUBMITTED, product=make_product(world.producer, "b"))
    world.application(
        ApplicationStatus.PROPOSED_FIVE_STAR, total="95", product=make_product(world.producer, "c")
    )
    if who:
        api_client.force_login(getattr(world, who))

    # when
    data = content(api_client.post_graphql(APPLICATIONS))["data"]["ocopApplications"]

    # then
    assert data["totalCount"] == visible
    assert len(data["edges"]) == visible


def test_application_list_query_count_does_not_grow(
    world, api_client, django_assert_max_num_queries
):
    # given
    api_client.force_login(world.staff)
    for index in range(5):
        app = world.application(
            ApplicationStatus.SCORED, product=make_product(world.producer, f"p{index}")
        )
        world.certify(app)

    # when
    with django_assert_max_num_queries(6):
        data = content(api_client.post_graphql(APPLICATIONS, {"status": "CERTIFIED"}))

    # then
    edges = data["data"]["ocopApplications"]["edges"]
    assert len(edges) == 5
    assert all(edge["node"]["certificate"]["number"] for edge in edges)


def test_public_registry_search_and_query_count(world, api_client, django_assert_max_num_queries):
    # given
    for index in range(4):
        world.certify(
            world.application(
                ApplicationStatus.SCORED, product=make_product(world.producer, f"nem-{index}")
            )
        )

    # when
    with django_assert_max_num_queries(3):
        response = api_client.post_graphql(CERTIFICATES, {"filter": {"search": "dong son"}})
    empty = api_client.post_graphql(CERTIFICATES, {"filter": {"provinceCode": "01"}})

    # then
    data = content(response)["data"]["ocopCertificates"]
    assert data["totalCount"] == 4
    node = data["edges"][0]["node"]
    assert node["issuingBody"] == "UBND tỉnh Thanh Hóa"
    assert (node["status"], node["isValid"], node["province"]["name"]) == (
        "ACTIVE",
        True,
        "Thanh Hóa",
    )
    assert content(empty)["data"]["ocopCertificates"]["totalCount"] == 0


def test_verification_shows_status_product_producer_and_validity(world, api_client):
    # given
    certificate = world.certify(world.application(ApplicationStatus.SCORED))

    # when
    data = content(api_client.post_graphql(CERTIFICATE, {"number": certificate.number}))

    # then
    assert data["data"]["ocopCertificate"] == {
        "number": certificate.number,
        "status": "ACTIVE",
        "isValid": True,
        "stars": 4,
        "decisionNumber": "715/QĐ-UBND",
        "validFrom": "2026-03-10",
        "validUntil": "2029-03-09",
        "revocationReason": None,
        "product": {"id": to_global_id("Product", world.product.pk), "name": "Nem chua Thanh Hóa"},
        "producer": {"name": "Nem chua Đông Sơn"},
    }


def test_verification_of_revoked_past_date_and_unknown_numbers(world, api_client):
    # given
    revoked = world.certify(world.application(ApplicationStatus.SCORED))
    certificate_services.certificate_revoke(
        actor=world.approver, certificate=revoked, reason="ATTP"
    )
    stale = world.certify(
        world.application(ApplicationStatus.SCORED, product=make_product(world.producer, "old"))
    )
    Certificate.objects.filter(pk=stale.pk).update(
        valid_from=datetime.date(2022, 1, 1), valid_until=datetime.date(2024, 12, 31)
    )

    # when
    def verify(number):
        return content(api_client.post_graphql(CERTIFICATE, {"number": number}))["data"][
            "ocopCertificate"
        ]

    # then
    assert (verify(revoked.number)["status"], verify(revoked.number)["isValid"]) == (
        "REVOKED",
        False,
    )
    assert verify(revoked.number)["revocationReason"] == "ATTP"
    assert (verify(stale.number)["status"], verify(stale.number)["isValid"]) == ("EXPIRED", False)
    assert verify("OCOP-38-2026-999999") is None


def test_anonymous_application_list_reveals_nothing(world, api_client):
    world.application(ApplicationStatus.SUBMITTED)
    response = json.loads(api_client.post_graphql(APPLICATIONS).content)
    assert response["data"]["ocopApplications"]["edges"] == []
