import datetime
from decimal import Decimal

import pytest

from backend.core.errors import DomainError, PermissionDenied
from backend.ocop import certificate_services
from backend.ocop.models import ApplicationEvent, ApplicationStatus, Certificate, CertificateStatus
from backend.ocop.selectors import active_certificate_for_product
from tests.backend.ocop.factories import TODAY


def counts():
    return (Certificate.objects.count(), ApplicationEvent.objects.count())


def test_provincial_approver_issues_four_stars_with_36_months_validity(world):
    # given
    app = world.application(ApplicationStatus.SCORED, total="75.5")

    # when
    certificate = world.certify(app, decision_date=datetime.date(2026, 1, 31))

    # then
    app.refresh_from_db()
    assert app.status == ApplicationStatus.CERTIFIED
    assert certificate.number == f"OCOP-38-2026-{certificate.pk:06d}"
    assert (certificate.stars, certificate.score) == (4, Decimal("75.50"))
    assert certificate.issuing_body == "UBND tỉnh Thanh Hóa"
    assert certificate.valid_from == datetime.date(2026, 1, 31)
    assert certificate.valid_until == datetime.date(2029, 1, 30)
    assert certificate.producer == world.producer
    assert certificate.product_set == 8
    assert app.events.filter(type="certificate_issued", certificate=certificate).exists()


def test_central_approver_issues_five_stars_from_the_ministry(world):
    app = world.application(ApplicationStatus.PROPOSED_FIVE_STAR, total="93")
    certificate = world.certify(app)
    assert (certificate.stars, certificate.issuer_level) == (5, "central")
    assert certificate.issuing_body == "Bộ Nông nghiệp và Môi trường"
    assert certificate.number.startswith("OCOP-TW-2026-")


@pytest.mark.parametrize(
    ("total", "who", "error"),
    [
        ("93", "approver", "FIVE_STARS_CENTRAL_ONLY"),
        ("93", "other_approver", "FIVE_STARS_CENTRAL_ONLY"),
        ("93", "central_assessor", "WRONG_OFFICIAL_ROLE"),
        ("75", "central_approver", "PROVINCIAL_STARS_ONLY"),
        ("75", "other_approver", "OUTSIDE_JURISDICTION"),
        ("75", "assessor", "WRONG_OFFICIAL_ROLE"),
        ("45", "approver", "NOT_CERTIFIABLE"),
        ("75", "member", PermissionDenied),
        ("75", "shopper", PermissionDenied),
        ("75", "staff", PermissionDenied),
    ],
)
def test_issue_is_refused_outside_competence_and_changes_nothing(world, total, who, error):
    # given
    status = ApplicationStatus.PROPOSED_FIVE_STAR if total == "93" else ApplicationStatus.SCORED
    app = world.application(status, total=total)
    before = counts()

    # when
    with pytest.raises(DomainError) as caught:
        certificate_services.certificate_issue(
            actor=getattr(world, who),
            application=app,
            decision_number="1/QĐ",
            decision_date=TODAY,
        )

    # then
    if isinstance(error, str):
        assert caught.value.code == error
    else:
        assert isinstance(caught.value, error)
    assert counts() == before
    app.refresh_from_db()
    assert app.status == status


def test_issue_refuses_future_decisions_blank_numbers_and_wrong_states(world):
    app = world.application(ApplicationStatus.SCORED)
    before = counts()
    future = datetime.date.today() + datetime.timedelta(days=3)
    for number, day, code in [("1/QĐ", future, "INVALID_DECISION_DATE"), (" ", TODAY, "REQUIRED")]:
        with pytest.raises(DomainError) as caught:
            certificate_services.certificate_issue(
                actor=world.approver, application=app, decision_number=number, decision_date=day
            )
        assert caught.value.code == code
    assert counts() == before


def test_revocation_removes_the_stars_at_once(world):
    # given
    certificate = world.certify(world.application(ApplicationStatus.SCORED))
    assert active_certificate_for_product(world.product) == certificate

    # when
    certificate_services.certificate_revoke(
        actor=world.approver, certificate=certificate, reason="Vi phạm an toàn thực phẩm"
    )

    # then
    assert active_certificate_for_product(world.product) is None
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.revocation_reason == "Vi phạm an toàn thực phẩm"
    assert certificate.revoked_at is not None
    assert certificate.events.filter(type="certificate_revoked", actor=world.approver).exists()


@pytest.mark.parametrize(
    ("who", "reason", "error"),
    [
        ("other_approver", "x", "OUTSIDE_JURISDICTION"),
        ("central_approver", "x", "OUTSIDE_JURISDICTION"),
        ("assessor", "x", "WRONG_OFFICIAL_ROLE"),
        ("approver", "  ", "REQUIRED"),
        ("member", "x", PermissionDenied),
        ("shopper", "x", PermissionDenied),
    ],
)
def test_revocation_refusals_change_nothing(world, who, reason, error):
    certificate = world.certify(world.application(ApplicationStatus.SCORED))
    before = counts()
    with pytest.raises(DomainError) as caught:
        certificate_services.certificate_revoke(
            actor=getattr(world, who), certificate=certificate, reason=reason
        )
    if isinstance(error, str):
        assert caught.value.code == error
    else:
        assert isinstance(caught.value, error)
    assert counts() == before
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ACTIVE


def test_five_star_certificates_are_revoked_by_the_ministry_only(world):
    certificate = world.certify(world.application(ApplicationStatus.PROPOSED_FIVE_STAR, total="95"))
    with pytest.raises(DomainError) as caught:
        certificate_services.certificate_revoke(
            actor=world.approver, certificate=certificate, reason="x"
        )
    assert caught.value.code == "FIVE_STARS_CENTRAL_ONLY"
    certificate_services.certificate_revoke(
        actor=world.central_approver, certificate=certificate, reason="Ngừng sản xuất"
    )
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED


def test_revoking_twice_is_refused(world):
    certificate = world.certify(world.application(ApplicationStatus.SCORED))
    certificate_services.certificate_revoke(
        actor=world.approver, certificate=certificate, reason="x"
    )
    with pytest.raises(DomainError) as caught:
        certificate_services.certificate_revoke(
            actor=world.approver, certificate=certificate, reason="y"
        )
    assert caught.value.code == "CERTIFICATE_NOT_ACTIVE"


def test_re_recognition_supersedes_the_old_certificate(world):
    # given
    old = world.certify(
        world.application(ApplicationStatus.SCORED, total="60"), datetime.date(2024, 4, 1)
    )
    renewal = world.application(ApplicationStatus.SCORED, total="80")
    with pytest.raises(DomainError) as blocked:
        world.certify(renewal)

    # when
    new = certificate_services.certificate_renew(
        actor=world.approver,
        certificate=old,
        application=renewal,
        decision_number="715/QĐ-UBND",
        decision_date=TODAY,
    )

    # then
    assert blocked.value.code == "ACTIVE_CERTIFICATE_EXISTS"
    old.refresh_from_db()
    assert old.status == CertificateStatus.SUPERSEDED
    assert new.supersedes == old
    assert (new.stars, new.status) == (4, CertificateStatus.ACTIVE)
    assert active_certificate_for_product(world.product) == new
    assert old.events.filter(type="certificate_superseded").exists()


def test_renewal_of_a_revoked_certificate_is_refused(world):
    old = world.certify(world.application(ApplicationStatus.SCORED))
    certificate_services.certificate_revoke(actor=world.approver, certificate=old, reason="x")
    renewal = world.application(ApplicationStatus.SCORED)
    before = counts()
    with pytest.raises(DomainError) as caught:
        certificate_services.certificate_renew(
            actor=world.approver,
            certificate=old,
            application=renewal,
            decision_number="2/QĐ",
            decision_date=TODAY,
        )
    assert caught.value.code == "CERTIFICATE_NOT_RENEWABLE"
    assert counts() == before


def test_issue_after_a_missed_expiry_job_expires_the_stale_row_first(world):
    old = world.certify(world.application(ApplicationStatus.SCORED), datetime.date(2023, 1, 2))
    new = world.certify(world.application(ApplicationStatus.SCORED))
    old.refresh_from_db()
    assert old.status == CertificateStatus.EXPIRED
    assert active_certificate_for_product(world.product) == new
