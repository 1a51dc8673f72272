import pytest

from producers import services
from producers.models import DocumentType
from tests.conftest import PRODUCER_PROFILE, client_for, make_user
from tests.producers.helpers import approve, submit, upload

pytestmark = pytest.mark.django_db

PRODUCERS = """
query($first: Int, $after: String, $filter: ProducerFilterInput) {
  producers(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { node { slug name status documents { size } certificates { documentType number }
      province { code } sellerInformation { taxCode } } }
    pageInfo { hasNextPage endCursor }
  }
}"""
PRODUCER = """
query($slug: String!) {
  producer(slug: $slug) {
    slug status application { status reviewNote events { before after } }
    documents { documentType url }
  }
}"""
MY_PRODUCERS = "{ myProducers { slug status } }"


def _approved_producers(count, staff):
    producers = []
    for index in range(count):
        owner = make_user(f"owner{index}@example.com")
        data = {
            **PRODUCER_PROFILE,
            "name": f"Chủ thể {index:02d}",
            "tax_code": f"28000000{index:02d}",
        }
        producer = services.producer_create(actor=owner, data=data)
        upload(producer, owner, document_type=DocumentType.VIETGAP)
        producers.append(approve(producer, owner, staff))
    return producers


def test_producers_lists_approved_only_in_constant_queries(
    api_client, staff_user, producer_a, member_a, django_assert_num_queries
):
    # given: five approved producers with a certificate each, one draft
    approved = _approved_producers(5, staff_user)

    # when: 2 for the page and its certificates, 1 for totalCount
    with django_assert_num_queries(3):
        response = api_client.post_graphql(PRODUCERS, {"first": 3})

    # then
    data = response.json()["data"]["producers"]
    assert data["totalCount"] == 5
    nodes = [edge["node"] for edge in data["edges"]]
    assert [n["slug"] for n in nodes] == [p.slug for p in approved[:3]]
    assert all(n["status"] is None and n["documents"] is None for n in nodes)
    assert nodes[0]["certificates"] == [{"documentType": "VIETGAP", "number": "DKKD-1"}]
    assert nodes[0]["sellerInformation"]["taxCode"] == "2800000000"
    # and the next page continues where this one ended
    after = api_client.post_graphql(
        PRODUCERS, {"first": 3, "after": data["pageInfo"]["endCursor"]}
    ).json()["data"]["producers"]
    assert [e["node"]["slug"] for e in after["edges"]] == [p.slug for p in approved[3:]]
    assert after["pageInfo"]["hasNextPage"] is False


def test_status_filter_is_for_staff_only(actors, producer_a, member_a):
    # given
    submit(producer_a, member_a)
    variables = {"first": 10, "filter": {"status": "PENDING"}}

    # when
    as_staff = client_for(actors["staff"]).post_graphql(PRODUCERS, variables).json()
    as_shopper = client_for(actors["shopper"]).post_graphql(PRODUCERS, variables).json()

    # then
    staff_nodes = [e["node"] for e in as_staff["data"]["producers"]["edges"]]
    assert [(n["slug"], n["status"]) for n in staff_nodes] == [(producer_a.slug, "PENDING")]
    assert as_shopper["data"]["producers"]["edges"] == []


@pytest.mark.parametrize(
    ("actor", "visible"),
    [
        ("anonymous", False),
        ("shopper", False),
        ("member_a", True),
        ("member_b", False),
        ("official", False),
        ("staff", True),
    ],
)
def test_an_unapproved_producer_is_seen_only_by_its_members_and_staff(
    actors, producer_a, producer_b, member_a, actor, visible
):
    # given
    upload(producer_a, member_a)

    # when
    response = client_for(actors[actor]).post_graphql(PRODUCER, {"slug": producer_a.slug})

    # then
    producer = response.json()["data"]["producer"]
    if not visible:
        assert producer is None
        return
    assert producer["status"] == "DRAFT"
    assert producer["application"]["status"] == "DRAFT"
    assert producer["documents"][0]["documentType"] == "BUSINESS_LICENCE"
    assert "/workspace/documents/" in producer["documents"][0]["url"]


@pytest.mark.parametrize("actor", ["anonymous", "shopper", "member_b", "official"])
def test_private_fields_of_an_approved_producer_stay_hidden(
    actors, producer_a, member_a, staff_user, actor
):
    approve(producer_a, member_a, staff_user)

    response = client_for(actors[actor]).post_graphql(PRODUCER, {"slug": producer_a.slug})

    producer = response.json()["data"]["producer"]
    assert producer == {
        "slug": producer_a.slug,
        "status": None,
        "application": None,
        "documents": None,
    }


def test_members_see_the_reviewers_reason(producer_a, member_a, staff_user):
    # given
    from producers.onboarding_services import producer_application_review

    submit(producer_a, member_a)
    producer_application_review(
        actor=staff_user, producer_id=producer_a.pk, decision="reject", note="Không phải OCOP"
    )

    # when
    response = client_for(member_a).post_graphql(PRODUCER, {"slug": producer_a.slug})

    # then
    application = response.json()["data"]["producer"]["application"]
    assert application["status"] == "REJECTED"
    assert application["reviewNote"] == "Không phải OCOP"
    assert application["events"][-1] == {"before": "IN_REVIEW", "after": "REJECTED"}


def test_my_producers(actors, producer_a, producer_b):
    assert client_for(actors["member_a"]).post_graphql(MY_PRODUCERS).json()["data"] == {
        "myProducers": [{"slug": producer_a.slug, "status": "DRAFT"}]
    }
    assert client_for(None).post_graphql(MY_PRODUCERS).json()["data"] == {"myProducers": []}
    assert client_for(actors["staff"]).post_graphql(MY_PRODUCERS).json()["data"] == {
        "myProducers": []
    }


def test_filters_by_search_without_accents_province_and_legal_form(api_client, staff_user):
    # given
    approved = _approved_producers(2, staff_user)

    def slugs(filter_input):
        response = api_client.post_graphql(PRODUCERS, {"first": 10, "filter": filter_input})
        return [e["node"]["slug"] for e in response.json()["data"]["producers"]["edges"]]

    # then
    assert slugs({"search": "chu the 01"}) == [approved[1].slug]
    assert slugs({"province": "38", "legalForm": ["HOP_TAC_XA"]}) == [p.slug for p in approved]
    assert slugs({"province": "01"}) == []
    assert slugs({"legalForm": ["CA_NHAN"]}) == []
