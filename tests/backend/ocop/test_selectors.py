import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser

from backend.core.errors import NotFound
from backend.ocop import certificate_services
from backend.ocop.models import ApplicationStatus, CertificateStatus
from backend.ocop.selectors import (
    OcopSummary,
    active_certificate_for_product,
    active_certificates_for_products,
    application_get_for_user,
    applications_for_user,
    certificate_get_by_number,
    certificates_public_list,
    ocop_summary_for_products,
)
from tests.backend.ocop.factories import make_official, make_producer, make_product

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("who", "sees_draft", "sees_submitted", "sees_five_star"),
    [
        ("member", True, True, True),
        ("assessor", False, True, True),
        ("approver", False, True, True),
        ("other_assessor", False, False, False),
        ("other_approver", False, False, False),
        ("central_assessor", False, False, True),
        ("central_approver", False, False, True),
        ("shopper", False, False, False),
        ("staff", True, True, True),
        ("anonymous", False, False, False),
    ],
)
def test_application_visibility_matrix(world, who, sees_draft, sees_submitted, sees_five_star):
    # given
    draft = world.application()
    submitted = world.application(
        ApplicationStatus.SUBMITTED, product=make_product(world.producer, "b")
    )
    five = world.application(
        ApplicationStatus.PROPOSED_FIVE_STAR, total="95", product=make_product(world.producer, "c")
    )
    actor = AnonymousUser() if who == "anonymous" else getattr(world, who)

    # when
    visible = set(applications_for_user(actor=actor))

    # then
    assert (draft in visible, submitted in visible, five in visible) == (
        sees_draft,
        sees_submitted,
        sees_five_star,
    )
    if not sees_submitted:
        with pytest.raises(NotFound):
            application_get_for_user(actor=actor, pk=submitted.pk)


def test_a_profile_without_the_official_group_sees_nothing(world):
    world.assessor.groups.clear()
    world.application(ApplicationStatus.SUBMITTED)
    assert list(applications_for_user(actor=world.assessor)) == []


def test_certificate_holds_through_the_last_day_in_vietnam_time(world):
    # given: decided 10 March 2026, so the last valid day is 9 March 2029
    certificate = world.certify(world.application(ApplicationStatus.SCORED))
    last_moment = datetime.datetime(2029, 3, 9, 23, 59, 59, tzinfo=VN)
    first_expired = datetime.datetime(2029, 3, 10, 0, 0, 0, tzinfo=VN)

    # then: 17:00 UTC on 9 March is already midnight in Vietnam
    assert certificate.valid_until == datetime.date(2029, 3, 9)
    assert active_certificate_for_product(world.product, at=last_moment) == certificate
    assert active_certificate_for_product(world.product, at=first_expired) is None
    assert (
        active_certificate_for_product(
            world.product, at=datetime.datetime(2029, 3, 9, 17, 0, tzinfo=datetime.UTC)
        )
        is None
    )
    assert (
        active_certificate_for_product(
            world.product, at=datetime.datetime(2029, 3, 9, 16, 59, 59, tzinfo=datetime.UTC)
        )
        == certificate
    )
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.ACTIVE  # no job ran, yet no stale stars


def test_batch_selector_and_summary_use_one_query(world, django_assert_num_queries):
    # given
    certified = world.certify(world.application(ApplicationStatus.SCORED, total="72"))
    other = make_product(world.producer, "khong-sao")

    # when
    with django_assert_num_queries(1):
        summaries = ocop_summary_for_products([world.product.pk, other.pk])

    # then
    assert summaries == {
        world.product.pk: OcopSummary(
            stars=4,
            certificate_number=certified.number,
            issuing_body="UBND tỉnh Thanh Hóa",
            valid_until=certified.valid_until,
            status="active",
            score=certified.score,
        )
    }
    assert active_certificates_for_products([]) == {}


def test_public_registry_searches_and_filters(world):
    # given
    active = world.certify(world.application(ApplicationStatus.SCORED, total="72"))
    hanoi = make_producer("gom-bat-trang", "01", name="Gốm Bát Tràng")
    make_official("approver01b@gov.example", "01", "approver")
    world.producer_hanoi = hanoi

    # then
    assert list(certificates_public_list(search="nem chua")) == [active]
    assert list(certificates_public_list(search="Đông Sơn")) == [active]
    assert list(certificates_public_list(search="dong son")) == [active]
    assert list(certificates_public_list(search=active.number)) == [active]
    assert list(certificates_public_list(province_code="01")) == []
    assert list(certificates_public_list(province_code="38", stars=4)) == [active]
    assert list(certificates_public_list(status="active")) == [active]
    later = datetime.datetime(2030, 1, 1, tzinfo=VN)
    assert list(certificates_public_list(status="expired", at=later)) == [active]
    assert list(certificates_public_list(status="active", at=later)) == []
    assert certificate_get_by_number(active.number) == active
    assert certificate_get_by_number("OCOP-00-0000-000000") is None


def test_revoked_certificates_stay_in_the_registry(world):
    certificate = world.certify(world.application(ApplicationStatus.SCORED))
    certificate_services.certificate_revoke(
        actor=world.approver, certificate=certificate, reason="x"
    )
    assert list(certificates_public_list(status="revoked")) == [certificate]
    assert active_certificates_for_products([world.product.pk]) == {}
