import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from producers.models import ApplicationStatus, Producer, ProducerDocument, ProducerStatus
from tests.conftest import PRODUCER_PROFILE, client_for
from tests.producers.helpers import PDF, submit, upload

pytestmark = pytest.mark.django_db

ACTORS = ["anonymous", "shopper", "member_a", "member_b", "official", "staff"]
# Expected status per actor, in ACTORS order. 302 for anonymous: the sign-in redirect.
PAGES = [
    ("producers:workspace", False, [302, 200, 200, 200, 200, 200]),
    ("producers:register", False, [302, 200, 200, 200, 200, 200]),
    ("producers:workspace-home", True, [302, 404, 200, 404, 404, 200]),
    ("producers:workspace-profile", True, [302, 404, 200, 404, 404, 200]),
    ("producers:workspace-documents", True, [302, 404, 200, 404, 404, 200]),
    ("producers_staff:queue", False, [302, 403, 403, 403, 403, 200]),
    ("producers_staff:review", True, [302, 403, 403, 403, 403, 200]),
]


@pytest.mark.parametrize(("name", "takes_slug", "expected"), PAGES)
@pytest.mark.parametrize("actor_index", range(len(ACTORS)))
def test_page_authorization_matrix(
    actors, producer_a, producer_b, name, takes_slug, expected, actor_index
):
    # given
    actor = ACTORS[actor_index]
    url = reverse(name, kwargs={"slug": producer_a.slug} if takes_slug else None)

    # when
    response = client_for(actors[actor]).get(url)

    # then
    assert response.status_code == expected[actor_index], actor
    if response.status_code == 200 and takes_slug:
        assert producer_a.name in response.content.decode()
        assert producer_b.name not in response.content.decode()


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("anonymous", 302),
        ("shopper", 404),
        ("member_a", 302),
        ("member_b", 404),
        ("official", 404),
        ("staff", 403),
    ],
)
def test_submit_page_authorization_matrix(actors, producer_a, member_a, actor, expected):
    # given
    upload(producer_a, member_a)

    # when
    response = client_for(actors[actor]).post(
        reverse("producers:workspace-submit", kwargs={"slug": producer_a.slug})
    )

    # then
    assert response.status_code == expected
    producer_a.application.refresh_from_db()
    submitted = producer_a.application.status == ApplicationStatus.SUBMITTED
    assert submitted is (actor == "member_a")


@pytest.mark.parametrize("actor", ["shopper", "member_a", "member_b", "official"])
def test_only_staff_can_post_a_review(actors, producer_a, member_a, actor):
    submit(producer_a, member_a)

    response = client_for(actors[actor]).post(
        reverse("producers_staff:review", kwargs={"slug": producer_a.slug}),
        {"decision": "approve"},
    )

    assert response.status_code == 403
    producer_a.application.refresh_from_db()
    assert producer_a.application.status == ApplicationStatus.SUBMITTED


def test_onboarding_through_the_pages(shopper, staff_user, django_capture_on_commit_callbacks):
    # given: a shopper registers a producer
    client = client_for(shopper)
    response = client.post(
        reverse("producers:register"),
        {
            k: PRODUCER_PROFILE[k]
            for k in ("name", "legal_name", "legal_form", "tax_code", "province_code", "phone")
        },
    )
    producer = Producer.objects.for_user(shopper).get()
    assert response.status_code == 302

    # when: fills the profile, uploads the licence, submits
    profile = dict(PRODUCER_PROFILE)
    response = client.post(reverse("producers:workspace-profile", args=[producer.slug]), profile)
    assert response.status_code == 302
    home = client.get(reverse("producers:workspace-home", args=[producer.slug])).content.decode()
    assert "Cần tải lên giấy chứng nhận đăng ký kinh doanh." in home
    response = client.post(
        reverse("producers:workspace-documents", args=[producer.slug]),
        {
            "document_type": "business_licence",
            "number": "DKKD-9",
            "file": SimpleUploadedFile("gp.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    client.post(reverse("producers:workspace-submit", args=[producer.slug]))

    # and staff ask for changes on the review page
    staff = client_for(staff_user)
    queue = staff.get(reverse("producers_staff:queue")).content.decode()
    assert producer.name in queue
    review = staff.get(reverse("producers_staff:review", args=[producer.slug])).content.decode()
    assert "/workspace/documents/" in review
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            reverse("producers_staff:review", args=[producer.slug]),
            {"decision": "request_changes", "reason": "Thiếu số điện thoại bàn"},
        )

    # then
    assert response.status_code == 302
    home = client.get(reverse("producers:workspace-home", args=[producer.slug])).content.decode()
    assert "Thiếu số điện thoại bàn" in home
    assert mail.outbox[0].to == [shopper.email]
    producer.refresh_from_db()
    assert producer.status == ProducerStatus.DRAFT


def test_upload_page_shows_a_mismatched_file_as_a_form_error(producer_a, member_a):
    response = client_for(member_a).post(
        reverse("producers:workspace-documents", args=[producer_a.slug]),
        {
            "document_type": "business_licence",
            "file": SimpleUploadedFile("gp.png", PDF, content_type="image/png"),
        },
    )

    assert response.status_code == 200
    assert "không khớp với loại tệp" in response.content.decode()
    assert ProducerDocument.objects.for_producer(producer_a).count() == 0


def test_profile_page_shows_a_duplicate_tax_code_as_a_form_error(producer_a, producer_b, member_b):
    profile = {**PRODUCER_PROFILE, "name": producer_b.name}

    response = client_for(member_b).post(
        reverse("producers:workspace-profile", args=[producer_b.slug]), profile
    )

    assert response.status_code == 200
    assert "Mã số thuế này đã được đăng ký cho một chủ thể khác." in response.content.decode()
    producer_b.refresh_from_db()
    assert producer_b.tax_code == "2801234568"


def test_review_page_rejects_without_a_reason(producer_a, member_a, staff_user):
    submit(producer_a, member_a)

    response = client_for(staff_user).post(
        reverse("producers_staff:review", args=[producer_a.slug]), {"decision": "reject"}
    )

    assert response.status_code == 200
    assert "Cần nêu lý do" in response.content.decode()
    producer_a.application.refresh_from_db()
    assert producer_a.application.status == ApplicationStatus.SUBMITTED
