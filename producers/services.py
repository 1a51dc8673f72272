"""Writes to producers: profile, members, documents, suspension (onboarding: onboarding_services).

Every function takes the acting user, looks the producer up through a scoped selector under a
row lock, and raises ValidationError / DomainError / PermissionDenied / NotFound; callers run
it inside one transaction so a failure leaves nothing half-written.
"""

from __future__ import annotations

import datetime
from typing import IO, Any

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from backend.accounts import vn_units
from backend.accounts.roles import Role
from backend.core.errors import DomainError, PermissionDenied
from producers import events, onboarding
from producers.documents import check_upload
from producers.error_codes import ProducerErrorCode
from producers.models import (
    MemberRole,
    OnboardingApplication,
    Producer,
    ProducerDocument,
    ProducerMember,
    ProducerStatus,
)
from producers.permissions import is_authenticated, is_reviewing_staff
from producers.selectors import application_for_producer, producer_get_for_user

PROFILE_FIELDS = (
    "legal_name",
    "name",
    "legal_form",
    "tax_code",
    "business_registration_number",
    "province_code",
    "commune_code",
    "street_address",
    "phone",
    "email",
    "description",
    "payout_bank_bin",
    "payout_account_number",
    "payout_account_holder",
)
# After approval the identity (legal name, tax code, address, payout account) is what staff
# checked; changing it needs a new review, so only the shop-facing details stay editable.
POST_APPROVAL_FIELDS = frozenset({"name", "description", "phone", "email"})


def _require_signed_in(actor: Any) -> None:
    if not is_authenticated(actor):
        raise PermissionDenied(str(_("Bạn cần đăng nhập để thực hiện thao tác này.")))


def _require_staff(actor: Any) -> None:
    if not is_reviewing_staff(actor):
        raise PermissionDenied(str(_("Chỉ nhân viên nền tảng được thực hiện thao tác này.")))


def _not_suspended(producer: Producer) -> None:
    if producer.status == ProducerStatus.SUSPENDED:
        raise DomainError(
            ProducerErrorCode.PRODUCER_SUSPENDED.value,
            str(_("Chủ thể đang bị tạm ngưng: không thể thay đổi.")),
        )


def _clean_profile(data: dict[str, Any]) -> dict[str, Any]:
    unknown = set(data) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not profile fields: {sorted(unknown)}")
    cleaned = {
        key: (value.strip() if isinstance(value, str) else value) for key, value in data.items()
    }
    if "tax_code" in cleaned:
        cleaned["tax_code"] = cleaned["tax_code"] or None  # unique, so blank is NULL
    return cleaned


def _check_units(producer: Producer) -> None:
    errors: dict[str, ValidationError] = {}
    if producer.province_code and vn_units.province_by_code(producer.province_code) is None:
        errors["province_code"] = ValidationError(
            _("Mã tỉnh/thành phố không hợp lệ."), code=ProducerErrorCode.INVALID_UNIT.value
        )
    elif producer.commune_code and not vn_units.ward_belongs_to(
        producer.commune_code, producer.province_code
    ):
        errors["commune_code"] = ValidationError(
            _("Xã/phường không thuộc tỉnh/thành phố đã chọn."),
            code=ProducerErrorCode.INVALID_UNIT.value,
        )
    if errors:
        raise ValidationError(errors)


def _save_validated(producer: Producer, *, update_fields: list[str] | None = None) -> None:
    producer.full_clean(exclude=["logo"])
    _check_units(producer)
    try:
        # A concurrent registration of the same tax code passes full_clean; the database's
        # unique index decides, and the savepoint keeps the caller's transaction usable.
        with transaction.atomic():
            producer.save(update_fields=update_fields)
    except IntegrityError as exc:
        raise ValidationError(
            {
                "tax_code": ValidationError(
                    Producer._meta.get_field("tax_code").error_messages["unique"], code="unique"
                )
            }
        ) from exc


# Workspace URLs that a producer slug must not shadow (/workspace/<slug>/).
RESERVED_SLUGS = frozenset({"register", "documents"})


def _unique_slug(name: str) -> str:
    base = slugify(name.replace("đ", "d").replace("Đ", "D"))[:200] or "chu-the"
    if base in RESERVED_SLUGS:
        base = f"{base}-chu-the"
    slug, suffix = base, 1
    while Producer.objects.unscoped().filter(slug=slug).exists():
        suffix += 1
        slug = f"{base}-{suffix}"
    return slug


@transaction.atomic
def producer_create(*, actor: Any, data: dict[str, Any]) -> Producer:
    """Register a producer in draft; the actor becomes its owner and a producer member."""
    _require_signed_in(actor)
    cleaned = _clean_profile(data)
    producer = Producer(**cleaned, status=ProducerStatus.DRAFT)
    producer.slug = _unique_slug(producer.name or producer.legal_name)
    _save_validated(producer)
    ProducerMember.objects.create(producer=producer, user=actor, role=MemberRole.OWNER)
    group, _created = Group.objects.get_or_create(name=Role.PRODUCER_MEMBER)
    actor.groups.add(group)
    application = OnboardingApplication.objects.create(producer=producer)
    events.producer_event(producer=producer, actor=actor, type=events.ProducerEventType.CREATED)
    events.onboarding_event(
        application=application,
        actor=actor,
        type=events.OnboardingEventType.CREATED,
        after=application.status,
    )
    return producer


def editable_fields(producer: Producer, application: OnboardingApplication) -> frozenset[str]:
    _not_suspended(producer)
    if application.status in onboarding.EDITABLE_STATES:
        return frozenset(PROFILE_FIELDS)
    if producer.status == ProducerStatus.APPROVED:
        return POST_APPROVAL_FIELDS
    return frozenset()


@transaction.atomic
def producer_update(*, actor: Any, producer_id: Any, data: dict[str, Any]) -> Producer:
    """Edit the profile: all of it in draft or when changes were requested, the shop-facing
    fields after approval, nothing while under review, after rejection or when suspended."""
    _require_signed_in(actor)
    producer = producer_get_for_user(actor=actor, pk=producer_id, for_update=True)
    application = application_for_producer(producer=producer)
    editable = editable_fields(producer, application)
    cleaned = _clean_profile(data)
    changed = {key: value for key, value in cleaned.items() if getattr(producer, key) != value}
    locked = sorted(set(changed) - editable)
    if locked:
        raise ValidationError(
            {
                field: ValidationError(
                    _("Trường này không thể sửa ở trạng thái hiện tại của hồ sơ."),
                    code=ProducerErrorCode.NOT_EDITABLE.value,
                )
                for field in locked
            }
        )
    if not changed:
        return producer
    before = {key: getattr(producer, key) for key in changed}
    for key, value in changed.items():
        setattr(producer, key, value)
    _save_validated(producer, update_fields=[*changed, "updated_at"])
    events.producer_event(
        producer=producer,
        actor=actor,
        type=events.ProducerEventType.UPDATED,
        # Payout account numbers stay out of the history: it records which fields changed.
        payload={"fields": sorted(changed), "before": _public_values(before)},
    )
    return producer


def _public_values(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if not k.startswith("payout_")}


@transaction.atomic
def producer_document_upload(
    *,
    actor: Any,
    producer_id: Any,
    document_type: str,
    file: IO[bytes],
    file_name: str,
    content_type: str | None,
    size: int,
    number: str = "",
    issuer: str = "",
    issued_on: datetime.date | None = None,
    expires_on: datetime.date | None = None,
) -> ProducerDocument:
    """Store a document in private storage after checking its content, size and dates."""
    _require_signed_in(actor)
    producer = producer_get_for_user(actor=actor, pk=producer_id, for_update=True)
    application = application_for_producer(producer=producer)
    if not editable_fields(producer, application) and producer.status != ProducerStatus.APPROVED:
        raise DomainError(
            ProducerErrorCode.NOT_EDITABLE.value,
            str(_("Không thể thêm giấy tờ khi hồ sơ đang được xét duyệt hoặc đã bị từ chối.")),
        )
    checked = check_upload(file, claimed_type=content_type, size=size)
    document = ProducerDocument(
        producer=producer,
        document_type=document_type,
        number=number.strip(),
        issuer=issuer.strip(),
        issued_on=issued_on,
        expires_on=expires_on,
        original_name=file_name[-255:],
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor,
    )
    if expires_on and issued_on and expires_on < issued_on:
        raise ValidationError(
            {"expires_on": ValidationError(_("Ngày hết hạn phải sau ngày cấp."), code="invalid")}
        )
    document.full_clean(exclude=["file", "producer", "uploaded_by"])
    document.file.save(f"upload.{checked.extension}", File(file), save=False)
    try:
        document.save()
    except Exception:
        document.file.storage.delete(str(document.file.name))
        raise
    events.producer_event(
        producer=producer,
        actor=actor,
        type=events.ProducerEventType.DOCUMENT_UPLOADED,
        payload={"document": document.pk, "type": document_type, "sha256": checked.sha256},
    )
    return document


@transaction.atomic
def producer_suspend(*, actor: Any, producer_id: Any, reason: str) -> Producer:
    """Hide an approved producer (and so its products) at once; staff only."""
    _require_staff(actor)
    producer = producer_get_for_user(actor=actor, pk=producer_id, for_update=True)
    if not reason.strip():
        raise ValidationError(
            {"reason": ValidationError(_("Cần nêu lý do."), code="reason_required")}
        )
    return _move_producer(
        producer, ProducerStatus.APPROVED, ProducerStatus.SUSPENDED, actor, reason.strip()
    )


@transaction.atomic
def producer_reinstate(*, actor: Any, producer_id: Any) -> Producer:
    """Lift a suspension; staff only."""
    _require_staff(actor)
    producer = producer_get_for_user(actor=actor, pk=producer_id, for_update=True)
    return _move_producer(producer, ProducerStatus.SUSPENDED, ProducerStatus.APPROVED, actor, "")


def _move_producer(
    producer: Producer, source: str, target: str, actor: Any, reason: str
) -> Producer:
    if producer.status != source:
        raise DomainError(
            ProducerErrorCode.INVALID_STATUS.value,
            str(
                _("Không thể chuyển chủ thể từ trạng thái “%(current)s” sang “%(target)s”.")
                % {
                    "current": ProducerStatus(producer.status).label,
                    "target": ProducerStatus(target).label,
                }
            ),
            field="status",
        )
    producer.status = target
    producer.save(update_fields=["status", "updated_at"])
    events.producer_event(
        producer=producer,
        actor=actor,
        type=events.ProducerEventType.SUSPENDED
        if target == ProducerStatus.SUSPENDED
        else events.ProducerEventType.REINSTATED,
        before=source,
        after=target,
        payload={"reason": reason} if reason else {},
    )
    return producer
