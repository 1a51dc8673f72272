from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile

from backend.core.errors import DomainError, PermissionDenied
from backend.ocop import services
from backend.ocop.models import (
    ApplicationDocument,
    ApplicationEvent,
    ApplicationStatus,
    Assessment,
    AssessmentScore,
    CertificationApplication,
)
from backend.ocop.services import ScoreSheet
from tests.backend.ocop.factories import make_product, sheet_for


def counts():
    return (
        CertificationApplication.objects.count(),
        Assessment.objects.count(),
        AssessmentScore.objects.count(),
        ApplicationEvent.objects.count(),
    )


@pytest.mark.parametrize(
    ("total", "stars", "status"),
    [
        ("29.99", 1, ApplicationStatus.SCORED),
        ("30", 2, ApplicationStatus.SCORED),
        ("49.99", 2, ApplicationStatus.SCORED),
        ("50", 3, ApplicationStatus.SCORED),
        ("69.99", 3, ApplicationStatus.SCORED),
        ("70", 4, ApplicationStatus.SCORED),
        ("89.99", 4, ApplicationStatus.SCORED),
        ("90", 5, ApplicationStatus.PROPOSED_FIVE_STAR),
        ("100", 5, ApplicationStatus.PROPOSED_FIVE_STAR),
    ],
)
def test_assessment_band_boundaries(world, total, stars, status):
    # given
    app = world.application(ApplicationStatus.UNDER_ASSESSMENT)

    # when
    assessment = services.assessment_submit(
        actor=world.assessor, application=app, sheets=[sheet_for(total)]
    )

    # then
    app.refresh_from_db()
    assert assessment.total == Decimal(total)
    assert (app.stars, app.status, app.score) == (stars, status, Decimal(total))
    assert (app.reached_central_at is not None) is (stars == 5)


def test_members_are_averaged_per_criterion_and_rounded_down(world):
    # given: three members whose exact mean is 89.9966..., which must stay four stars
    app = world.application(ApplicationStatus.UNDER_ASSESSMENT)
    sheets = [sheet_for("90", "An"), sheet_for("90", "Bình"), sheet_for("89.99", "Cúc")]

    # when
    assessment = services.assessment_submit(actor=world.assessor, application=app, sheets=sheets)

    # then
    assert assessment.total == Decimal("89.99")
    assert assessment.stars == 4
    assert assessment.member_count == 3
    assert AssessmentScore.objects.filter(assessment=assessment).count() == 3 * 9
    assert assessment.criterion_averages["A1"] == "14.00"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda s: [(c, Decimal(-1) if c == "A1" else p) for c, p in s], "NEGATIVE_SCORE"),
        (lambda s: [(c, Decimal(15) if c == "A1" else p) for c, p in s], "SCORE_ABOVE_MAXIMUM"),
        (lambda s: [(c, p) for c, p in s if c != "B3"], "MISSING_SCORE"),
        (lambda s: [*s, ("Z9", Decimal(1))], "UNKNOWN_CRITERION"),
        (lambda s: [*s, ("A1", Decimal(1))], "DUPLICATE_SCORE"),
        (lambda s: [(c, "abc" if c == "A1" else p) for c, p in s], "INVALID_SCORE"),
        (lambda s: [(c, "1.005" if c == "A1" else p) for c, p in s], "INVALID_SCORE"),
        (lambda s: [(c, 1.5 if c == "A1" else p) for c, p in s], "INVALID_SCORE"),
    ],
)
def test_bad_scores_are_refused_and_nothing_is_written(world, change, code):
    # given
    app = world.application(ApplicationStatus.UNDER_ASSESSMENT)
    good = sheet_for("80")
    before = counts()

    # when
    with pytest.raises(ValidationError) as caught:
        services.assessment_submit(
            actor=world.assessor,
            application=app,
            sheets=[ScoreSheet(member="An", scores=change(list(good.scores)))],
        )

    # then
    assert [e.code for e in caught.value.error_dict["sheets"]] == [code]
    assert counts() == before
    app.refresh_from_db()
    assert (app.status, app.score, app.stars) == (ApplicationStatus.UNDER_ASSESSMENT, None, None)


def test_no_sheets_and_duplicate_members_are_refused(world):
    app = world.application(ApplicationStatus.UNDER_ASSESSMENT)
    with pytest.raises(ValidationError) as empty:
        services.assessment_submit(actor=world.assessor, application=app, sheets=[])
    with pytest.raises(ValidationError) as twice:
        services.assessment_submit(
            actor=world.assessor, application=app, sheets=[sheet_for("80"), sheet_for("70")]
        )
    assert [e.code for e in empty.value.error_dict["sheets"]] == ["NO_COUNCIL_MEMBERS"]
    assert [e.code for e in twice.value.error_dict["sheets"]] == ["DUPLICATE_MEMBER"]


@pytest.mark.parametrize(
    ("who", "error"),
    [
        ("other_assessor", "OUTSIDE_JURISDICTION"),
        ("central_assessor", "OUTSIDE_JURISDICTION"),
        ("approver", "WRONG_OFFICIAL_ROLE"),
        ("member", PermissionDenied),
        ("shopper", PermissionDenied),
        ("staff", PermissionDenied),
    ],
)
def test_only_the_provinces_assessor_scores(world, who, error):
    # given
    app = world.application(ApplicationStatus.UNDER_ASSESSMENT)
    before = counts()

    # when
    with pytest.raises(DomainError) as caught:
        services.assessment_submit(
            actor=getattr(world, who), application=app, sheets=[sheet_for("80")]
        )

    # then
    if isinstance(error, str):
        assert caught.value.code == error
    else:
        assert isinstance(caught.value, error)
    assert counts() == before


def test_central_council_confirms_or_hands_back_a_five_star_proposal(world):
    # given
    app = world.application(ApplicationStatus.PROPOSED_FIVE_STAR, total="92")

    # when: the province's assessor may not score at the central level
    with pytest.raises(DomainError) as caught:
        services.assessment_submit(actor=world.assessor, application=app, sheets=[sheet_for("95")])
    services.assessment_submit(
        actor=world.central_assessor, application=app, sheets=[sheet_for("88")]
    )

    # then
    assert caught.value.code == "OUTSIDE_JURISDICTION"
    app.refresh_from_db()
    assert (app.status, app.stars, app.score) == (ApplicationStatus.SCORED, 4, Decimal("88"))


def test_create_checks_membership_product_set_and_open_applications(world):
    # given
    before = counts()
    other = make_product(world.producer, "nem-thinh")

    # when / then
    for actor, product_set, code in [
        (world.shopper, 8, "NOT_PRODUCER_MEMBER"),
        (world.approver, 8, "NOT_PRODUCER_MEMBER"),
        (world.member, 0, "INVALID_PRODUCT_SET"),
        (world.member, 27, "INVALID_PRODUCT_SET"),
    ]:
        with pytest.raises(DomainError) as caught:
            services.application_create(actor=actor, product=other, product_set=product_set)
        assert caught.value.code == code
    assert counts() == before
    services.application_create(actor=world.member, product=other, product_set=8)
    with pytest.raises(DomainError) as again:
        services.application_create(actor=world.member, product=other, product_set=8)
    assert again.value.code == "APPLICATION_IN_PROGRESS"
    assert CertificationApplication.objects.count() == before[0] + 1


def test_unapproved_producer_cannot_apply(world):
    world.producer.status = "suspended"
    world.producer.save()
    with pytest.raises(DomainError) as caught:
        services.application_create(actor=world.member, product=world.product, product_set=8)
    assert caught.value.code == "PRODUCER_NOT_APPROVED"
    assert CertificationApplication.objects.count() == 0


@pytest.mark.parametrize(
    ("step", "status"),
    [
        ("submit", ApplicationStatus.SUBMITTED),
        ("assessment_start", ApplicationStatus.DRAFT),
        ("commune_review", ApplicationStatus.DRAFT),
        ("assessment_start", ApplicationStatus.SUBMITTED),
        ("decline", ApplicationStatus.UNDER_ASSESSMENT),
    ],
)
def test_illegal_moves_raise_and_change_nothing(world, step, status):
    # given
    app = world.application(status)
    before = counts()
    actor = {
        "submit": world.member,
        "assessment_start": world.assessor,
        "commune_review": world.assessor,
        "decline": world.approver,
    }[step]
    kwargs = {"reason": "x"} if step == "decline" else {}

    # when
    with pytest.raises(DomainError) as caught:
        getattr(services, f"application_{step}")(actor=actor, application=app, **kwargs)

    # then
    assert caught.value.code == "INVALID_TRANSITION"
    assert counts() == before
    app.refresh_from_db()
    assert app.status == status


PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("a.pdf", PDF, "application/pdf"),
        ("a.bin", b"\xff\xd8\xff\xe0rest", "image/jpeg"),
        ("x", b"\x89PNG\r\n\x1a\nrest", "image/png"),
        ("b.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
    ],
)
def test_dossier_documents_are_sniffed_and_kept_private(world, name, content, content_type):
    app = world.application()
    document = services.application_document_add(
        actor=world.member,
        application=app,
        upload=SimpleUploadedFile(name, content, content_type="text/plain"),
        title="Giấy ATTP",
    )
    assert document.content_type == content_type
    # the private storage (never the public media one), whatever instance the handler holds
    assert document.file.storage.location == storages["private"].location
    assert document.file.storage.location != storages["default"].location
    assert document.file.read() == content


def test_bad_dossier_files_are_refused(world, settings):
    # given
    settings.MAX_UPLOAD_BYTES = 1024
    app = world.application()
    cases = [
        (SimpleUploadedFile("a.pdf", b"<html>not a pdf</html>"), "UNSUPPORTED_FILE_TYPE"),
        (SimpleUploadedFile("a.pdf", PDF + b"0" * 2000), "FILE_TOO_LARGE"),
    ]
    for upload, code in cases:
        with pytest.raises(DomainError) as caught:
            services.application_document_add(
                actor=world.member, application=app, upload=upload, title="Tài liệu"
            )
        assert caught.value.code == code
    with pytest.raises(DomainError) as outsider:
        services.application_document_add(
            actor=world.shopper, application=app, upload=SimpleUploadedFile("a.pdf", PDF), title="x"
        )
    assert outsider.value.code == "NOT_PRODUCER_MEMBER"
    assert ApplicationDocument.objects.count() == 0
