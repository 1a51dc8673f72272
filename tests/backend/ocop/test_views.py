import pytest
from django.conf import settings
from django.test import Client

from backend.ocop.models import ApplicationEvent, ApplicationStatus, Certificate, CertificateStatus
from tests.backend.ocop.factories import sheet_for


@pytest.fixture
def client_for():
    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


def test_queue_is_scoped_to_the_officials_province(world, client_for):
    world.application(ApplicationStatus.SUBMITTED)
    mine = client_for(world.assessor).get("/officials/?status=submitted")
    theirs = client_for(world.other_assessor).get("/officials/")
    assert mine.status_code == 200
    assert "Nem chua Thanh Hóa" in mine.content.decode()
    assert "Nem chua Thanh Hóa" not in theirs.content.decode()


@pytest.mark.parametrize("who", ["shopper", "member"])
def test_non_officials_are_refused(world, client_for, who):
    assert client_for(getattr(world, who)).get("/officials/").status_code == 403


def test_anonymous_is_sent_to_sign_in(world):
    response = Client().get("/officials/")
    assert response.status_code == 302
    assert response["Location"].startswith(settings.LOGIN_URL)


def test_score_sheet_posts_and_the_server_computes_the_stars(world, client_for):
    # given
    app = world.application(ApplicationStatus.UNDER_ASSESSMENT)
    client = client_for(world.assessor)
    page = client.get(f"/officials/applications/{app.pk}/?members=2")
    data = {"action": "assess", "member-0": "An", "member-1": "Bình"}
    for index, total in enumerate(["72", "70"]):
        for code, points in sheet_for(total).scores:
            data[f"score-{index}-{code}"] = str(points)

    # when
    response = client.post(f"/officials/applications/{app.pk}/", data, follow=True)

    # then
    assert 'name="score-1-C3"' in page.content.decode()
    app.refresh_from_db()
    assert (app.status, str(app.score), app.stars) == (ApplicationStatus.SCORED, "71.00", 4)
    assert "71.00: 4 sao" in response.content.decode()


def test_a_refused_action_shows_the_error_and_changes_nothing(world, client_for):
    app = world.application(ApplicationStatus.UNDER_ASSESSMENT)
    before = ApplicationEvent.objects.count()
    data = {"action": "assess", "member-0": "An"}
    for code, points in sheet_for("80").scores:
        data[f"score-0-{code}"] = "99" if code == "A1" else str(points)
    response = client_for(world.assessor).post(
        f"/officials/applications/{app.pk}/", data, follow=True
    )
    assert "vượt quá tối đa 14" in response.content.decode()
    assert ApplicationEvent.objects.count() == before


def test_other_provinces_cannot_open_an_application(world, client_for):
    app = world.application(ApplicationStatus.SUBMITTED)
    assert (
        client_for(world.other_assessor).get(f"/officials/applications/{app.pk}/").status_code
        == 403
    )


def test_decision_and_revocation_from_the_console(world, client_for):
    app = world.application(ApplicationStatus.SCORED)
    client = client_for(world.approver)
    client.post(
        f"/officials/applications/{app.pk}/",
        {"action": "issue", "decision_number": "12/QĐ-UBND", "decision_date": "2026-03-10"},
    )
    certificate = Certificate.objects.get(application=app)
    client.post(f"/officials/certificates/{certificate.number}/revoke/", {"reason": "Vi phạm"})
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.revocation_reason == "Vi phạm"


def test_statistics_show_bars_by_stars_and_province(world, client_for):
    world.certify(world.application(ApplicationStatus.SCORED))
    response = client_for(world.approver).get("/officials/statistics/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Thanh Hóa" in body
    assert "width: 100%" in body
