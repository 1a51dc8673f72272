import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from backend.core.errors import DomainError, NotFound, PermissionDenied
from producers import onboarding_services, services
from producers.models import (
    ApplicationStatus,
    MemberRole,
    OnboardingApplication,
    OnboardingEvent,
    Producer,
    ProducerDocument,
    ProducerEvent,
    ProducerMember,
    ProducerStatus,
)
from producers.notifications import application_decision_email_send
from producers.querysets import UnscopedQueryError
from tests.conftest import PRODUCER_PROFILE
from tests.producers.helpers import approve, submit, upload

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Producer.objects.unscoped().count(),
        ProducerMember.objects.unscoped().count(),
        OnboardingApplication.objects.unscoped().count(),
        ProducerEvent.objects.count(),
        OnboardingEvent.objects.count(),
        ProducerDocument.objects.unscoped().count(),
    )


def _codes(error: ValidationError) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in error.error_dict.items()}


def test_full_onboarding_flow(member_a, staff_user, django_capture_on_commit_callbacks):
    # given: a signed-in user registers a producer
    producer = services.producer_create(actor=member_a, data=dict(PRODUCER_PROFILE))
    assert producer.status == ProducerStatus.DRAFT
    assert member_a.has_role("producer_member")
    assert ProducerMember.objects.for_producer(producer).get().role == MemberRole.OWNER

    # when: documents, submission, a request for changes, a fix, resubmission, approval
    upload(producer, member_a)
    onboarding_services.producer_application_submit(actor=member_a, producer_id=producer.pk)
    with django_capture_on_commit_callbacks(execute=True):
        onboarding_services.producer_application_review(
            actor=staff_user,
            producer_id=producer.pk,
            decision="request_changes",
            note="Ảnh giấy phép bị mờ",
        )
    producer.refresh_from_db()
    assert producer.status == ProducerStatus.DRAFT
    assert producer.application.review_note == "Ảnh giấy phép bị mờ"
    services.producer_update(
        actor=member_a, producer_id=producer.pk, data={"street_address": "Thôn Văn Khê 2"}
    )
    onboarding_services.producer_application_submit(actor=member_a, producer_id=producer.pk)
    with django_capture_on_commit_callbacks(execute=True):
        onboarding_services.producer_application_review(
            actor=staff_user, producer_id=producer.pk, decision="approve"
        )

    # then
    producer.refresh_from_db()
    application = producer.application
    assert producer.status == ProducerStatus.APPROVED
    assert application.status == ApplicationStatus.APPROVED
    assert application.reviewer == staff_user
    moves = [(e.before, e.after) for e in application.events.order_by("pk")]
    assert moves == [
        ("", "draft"),
        ("draft", "submitted"),
        ("submitted", "in_review"),
        ("in_review", "changes_requested"),
        ("changes_requested", "submitted"),
        ("submitted", "in_review"),
        ("in_review", "approved"),
    ]
    assert [m.to for m in mail.outbox] == [["owner-a@example.com"], ["owner-a@example.com"]]
    assert "cần bổ sung" in mail.outbox[0].subject
    assert "Ảnh giấy phép bị mờ" in mail.outbox[0].body
    assert "đã được duyệt" in mail.outbox[1].subject
    assert list(Producer.objects.public()) == [producer]


def test_decision_email_is_sent_once_and_in_the_owners_language(member_a, staff_user):
    # given
    member_a.language_code = "en"
    member_a.save()
    producer = services.producer_create(actor=member_a, data=dict(PRODUCER_PROFILE))
    submit(producer, member_a)
    onboarding_services.producer_application_review(
        actor=staff_user, producer_id=producer.pk, decision="reject", note="Not a producer"
    )
    event = producer.application.events.order_by("pk").last()

    # when: the task runs twice (a retry after success)
    first = application_decision_email_send(event_id=event.pk)
    second = application_decision_email_send(event_id=event.pk)

    # then
    assert (first, second) == (1, 0)
    assert mail.outbox[-1].subject == "Nem chua Đông Sơn: your application was rejected"
    assert "Reason: Not a producer" in mail.outbox[-1].body


@pytest.mark.parametrize(
    ("tax_code", "code"), [("12345", "invalid_tax_code"), ("28012345671", "invalid_tax_code")]
)
def test_invalid_tax_code_is_refused_and_nothing_written(member_a, tax_code, code):
    # given
    before = _counts()

    # when
    with pytest.raises(ValidationError) as raised:
        services.producer_create(actor=member_a, data={**PRODUCER_PROFILE, "tax_code": tax_code})

    # then
    assert code in _codes(raised.value)["tax_code"]
    assert "10 hoặc 13 chữ số" in raised.value.message_dict["tax_code"][0]
    assert _counts() == before


def test_duplicate_tax_code_is_refused_and_nothing_written(producer_a, member_b):
    # given
    before = _counts()

    # when
    with pytest.raises(ValidationError) as raised:
        services.producer_create(actor=member_b, data={**PRODUCER_PROFILE, "name": "Khác"})

    # then
    assert _codes(raised.value) == {"tax_code": ["unique"]}
    assert raised.value.message_dict["tax_code"] == [
        "Mã số thuế này đã được đăng ký cho một chủ thể khác."
    ]
    assert _counts() == before
    assert not member_b.has_role("producer_member")


def test_commune_outside_the_province_is_refused(member_a):
    with pytest.raises(ValidationError) as raised:
        services.producer_create(actor=member_a, data={**PRODUCER_PROFILE, "province_code": "01"})

    assert _codes(raised.value) == {"commune_code": ["INVALID_UNIT"]}


def test_submitting_an_incomplete_application_lists_what_is_missing(member_a):
    # given: no phone, no address, no tax code or registration number, no licence
    data = {**PRODUCER_PROFILE, "phone": "", "street_address": "", "tax_code": ""}
    producer = services.producer_create(actor=member_a, data=data)
    before = _counts()

    # when
    with pytest.raises(ValidationError) as raised:
        onboarding_services.producer_application_submit(actor=member_a, producer_id=producer.pk)

    # then
    assert _codes(raised.value) == {
        "phone": ["required"],
        "street_address": ["required"],
        "tax_code": ["required"],
        "documents": ["BUSINESS_LICENCE_REQUIRED"],
    }
    producer.application.refresh_from_db()
    assert producer.application.status == ApplicationStatus.DRAFT
    assert _counts() == before


@pytest.mark.parametrize(
    "moves",
    [
        ["submit", "submit"],
        ["approve"],
        ["submit", "approve", "approve"],
        ["submit", "reject", "submit"],
        ["submit", "approve", "request_changes"],
    ],
)
def test_illegal_transitions_raise_and_change_nothing(producer_a, member_a, staff_user, moves):
    # given: all moves but the last succeed
    upload(producer_a, member_a)

    def move(name):
        if name == "submit":
            onboarding_services.producer_application_submit(
                actor=member_a, producer_id=producer_a.pk
            )
        else:
            onboarding_services.producer_application_review(
                actor=staff_user, producer_id=producer_a.pk, decision=name, note="Lý do"
            )

    for name in moves[:-1]:
        move(name)
    application = OnboardingApplication.objects.for_producer(producer_a).get()
    before = (application.status, _counts())

    # when
    with pytest.raises(DomainError) as raised:
        move(moves[-1])

    # then
    assert raised.value.code == "INVALID_STATUS"
    application.refresh_from_db()
    assert (application.status, _counts()) == before


def test_reject_and_request_changes_need_a_reason(producer_a, member_a, staff_user):
    submit(producer_a, member_a)

    with pytest.raises(ValidationError) as raised:
        onboarding_services.producer_application_review(
            actor=staff_user, producer_id=producer_a.pk, decision="reject", note="  "
        )

    assert _codes(raised.value) == {"reason": ["REASON_REQUIRED"]}


def test_editing_after_suspension_is_refused(producer_a, member_a, staff_user):
    # given
    approve(producer_a, member_a, staff_user)
    services.producer_suspend(actor=staff_user, producer_id=producer_a.pk, reason="Hàng giả")
    before = _counts()

    # when / then
    with pytest.raises(DomainError) as raised:
        services.producer_update(
            actor=member_a, producer_id=producer_a.pk, data={"description": "Mới"}
        )
    assert raised.value.code == "PRODUCER_SUSPENDED"
    with pytest.raises(DomainError) as raised:
        upload(producer_a, member_a)
    assert raised.value.code == "PRODUCER_SUSPENDED"
    assert _counts() == before
    assert list(Producer.objects.public()) == []


def test_reinstating_shows_the_producer_again(producer_a, member_a, staff_user):
    approve(producer_a, member_a, staff_user)
    services.producer_suspend(actor=staff_user, producer_id=producer_a.pk, reason="Kiểm tra")

    services.producer_reinstate(actor=staff_user, producer_id=producer_a.pk)

    assert list(Producer.objects.public()) == [producer_a]
    types = list(producer_a.events.order_by("pk").values_list("type", flat=True))
    assert types[-2:] == ["suspended", "reinstated"]


def test_after_approval_only_shop_fields_are_editable(producer_a, member_a, staff_user):
    # given
    approve(producer_a, member_a, staff_user)

    # when
    services.producer_update(
        actor=member_a, producer_id=producer_a.pk, data={"description": "Mô tả mới"}
    )
    with pytest.raises(ValidationError) as raised:
        services.producer_update(
            actor=member_a,
            producer_id=producer_a.pk,
            data={"description": "Khác", "payout_account_number": "123456789"},
        )

    # then
    assert _codes(raised.value) == {"payout_account_number": ["NOT_EDITABLE"]}
    producer_a.refresh_from_db()
    assert producer_a.description == "Mô tả mới"
    assert producer_a.payout_account_number == ""


def test_nothing_is_editable_while_in_review(producer_a, member_a):
    submit(producer_a, member_a)

    with pytest.raises(ValidationError) as raised:
        services.producer_update(actor=member_a, producer_id=producer_a.pk, data={"name": "X"})

    assert _codes(raised.value) == {"name": ["NOT_EDITABLE"]}


def test_another_producers_object_is_not_found(producer_a, member_b, official):
    for actor in (member_b, official):
        with pytest.raises(NotFound):
            services.producer_update(actor=actor, producer_id=producer_a.pk, data={"name": "X"})


def test_only_owners_submit_and_only_staff_review(producer_a, member_a, member_b, staff_user):
    # given: a staff-role member of producer A
    ProducerMember.objects.create(producer=producer_a, user=member_b, role=MemberRole.STAFF)
    upload(producer_a, member_a)

    # then
    with pytest.raises(PermissionDenied):
        onboarding_services.producer_application_submit(actor=member_b, producer_id=producer_a.pk)
    with pytest.raises(PermissionDenied):
        onboarding_services.producer_application_submit(actor=staff_user, producer_id=producer_a.pk)
    with pytest.raises(PermissionDenied):
        onboarding_services.producer_application_review(
            actor=member_a, producer_id=producer_a.pk, decision="approve"
        )


def test_unscoped_queries_of_producer_data_refuse_to_run(producer_a, member_a):
    with pytest.raises(UnscopedQueryError):
        list(Producer.objects.all())
    with pytest.raises(UnscopedQueryError):
        Producer.objects.filter(slug=producer_a.slug).exists()
    with pytest.raises(UnscopedQueryError):
        ProducerDocument.objects.count()

    assert list(Producer.objects.for_user(member_a)) == [producer_a]
    assert list(Producer.objects.for_user(None)) == []
    assert list(producer_a.members.all()) == list(ProducerMember.objects.for_user(member_a))


def test_events_are_append_only(producer_a):
    event = producer_a.events.get()

    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        ProducerEvent.objects.filter(pk=event.pk).update(type="x")
    with pytest.raises(TypeError):
        ProducerEvent.objects.filter(pk=event.pk).delete()
