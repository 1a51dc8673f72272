"""Reads of producer data, each scoped to the acting user (style.md rule 3)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.accounts.roles import is_staff
from backend.core.errors import NotFound
from producers.models import (
    ApplicationStatus,
    DocumentType,
    MemberRole,
    OnboardingApplication,
    Producer,
    ProducerDocument,
    ProducerMember,
)
from producers.permissions import is_authenticated, is_reviewing_staff

PRODUCER_NOT_FOUND = _("Không tìm thấy chủ thể.")
DOCUMENT_NOT_FOUND = _("Không tìm thấy giấy tờ.")
REVIEW_QUEUE_STATES = (ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW)


def producer_get_for_user(
    *, actor: Any, slug: str | None = None, pk: Any = None, for_update: bool = False
) -> Producer:
    """A producer the actor works for (or any, for reviewing staff); NotFound otherwise.

    Another producer's object is answered exactly like a missing one.
    """
    queryset = Producer.objects.for_user(actor)
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    lookup = {"slug": slug} if slug is not None else {"pk": pk}
    try:
        return queryset.get(**lookup)
    except (Producer.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound(str(PRODUCER_NOT_FOUND), field="id") from exc


def producers_for_member(*, actor: Any) -> QuerySet[Producer]:
    """Producers the actor is a member of (staff see only their own memberships here)."""
    if not is_authenticated(actor):
        return Producer.objects.none().unscoped()
    return Producer.objects.unscoped().filter(members__user=actor).order_by("name", "pk")


def producers_public_list() -> QuerySet[Producer]:
    """Approved producers, for everyone."""
    return Producer.objects.public()


def search_producers(queryset: QuerySet[Producer], text: str) -> QuerySet[Producer]:
    """Narrow a scoped queryset by name, ignoring Vietnamese accents."""
    return queryset.filter(
        Q(name__unaccent__icontains=text) | Q(legal_name__unaccent__icontains=text)
    )


def producers_for_staff(*, actor: Any, status: str | None = None) -> QuerySet[Producer]:
    """Every producer, optionally by status; reviewing staff only (empty for others)."""
    queryset = Producer.objects.for_user(actor) if is_reviewing_staff(actor) else None
    if queryset is None:
        return Producer.objects.none().unscoped()
    return queryset.filter(status=status) if status else queryset


def review_queue(*, actor: Any) -> QuerySet[OnboardingApplication]:
    """Applications waiting for a reviewer, oldest submission first (staff only)."""
    if not is_reviewing_staff(actor):
        return OnboardingApplication.objects.none().unscoped()
    return (
        OnboardingApplication.objects.for_user(actor)
        .filter(status__in=REVIEW_QUEUE_STATES)
        .select_related("producer")
        .order_by("submitted_at", "pk")
    )


def application_for_producer(*, producer: Producer) -> OnboardingApplication:
    """The application of a producer obtained through a scoped selector."""
    return OnboardingApplication.objects.for_producer(producer).get()


def documents_for_producer(*, producer: Producer) -> QuerySet[ProducerDocument]:
    return ProducerDocument.objects.for_producer(producer).order_by("document_type", "pk")


def document_get_for_user(*, actor: Any, pk: Any) -> ProducerDocument:
    try:
        return ProducerDocument.objects.for_user(actor).select_related("producer").get(pk=pk)
    except (ProducerDocument.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound(str(DOCUMENT_NOT_FOUND), field="id") from exc


def member_role(*, actor: Any, producer: Producer) -> str | None:
    """The actor's role at ``producer``, or None when not a member."""
    if not is_authenticated(actor):
        return None
    membership = (
        ProducerMember.objects.for_producer(producer).filter(user=actor).only("role").first()
    )
    return membership.role if membership else None


def is_owner(*, actor: Any, producer: Producer) -> bool:
    return member_role(actor=actor, producer=producer) == MemberRole.OWNER


def owner_emails(*, producer_id: int) -> list[tuple[str, str]]:
    """(email, language code) of a producer's active owners, for notification tasks."""
    return list(
        ProducerMember.objects.unscoped()
        .filter(producer_id=producer_id, role=MemberRole.OWNER, user__is_active=True)
        .order_by("user__email")
        .values_list("user__email", "user__language_code")
    )


PUBLIC_CERTIFICATE_TYPES = (DocumentType.FOOD_SAFETY, DocumentType.VIETGAP, DocumentType.GLOBALGAP)


def _certificates_in_force() -> QuerySet[ProducerDocument]:
    today = timezone.localdate()
    return (
        ProducerDocument.objects.unscoped()
        .filter(document_type__in=PUBLIC_CERTIFICATE_TYPES)
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))
        .order_by("document_type", "pk")
    )


def with_public_certificates(queryset: QuerySet[Producer]) -> QuerySet[Producer]:
    """Prefetch what :func:`public_certificates` returns, in one query for a whole page."""
    return queryset.prefetch_related(
        Prefetch("documents", queryset=_certificates_in_force(), to_attr="certificates_in_force")
    )


def public_certificates(producer: Producer) -> list[ProducerDocument]:
    """Certificates shown on a shop page: food safety, VietGAP, GlobalGAP, not expired."""
    prefetched = getattr(producer, "certificates_in_force", None)
    if prefetched is not None:
        return list(prefetched)
    return list(_certificates_in_force().filter(producer=producer))


def member_producer_ids(*, actor: Any) -> frozenset[int]:
    """Ids of the producers the actor belongs to (one query; cache it per request)."""
    if not is_authenticated(actor):
        return frozenset()
    return frozenset(
        ProducerMember.objects.unscoped().filter(user=actor).values_list("producer_id", flat=True)
    )


_MANAGED_CACHE = "_ocop_managed_producer_ids"


def managed_producer_ids(actor: Any) -> frozenset[int] | None:
    """Producers whose catalogue and vouchers ``actor`` manages: None means every producer
    (staff), else the producers it belongs to. Cached on the user object for the request."""
    if is_staff(actor):
        return None
    cached: frozenset[int] | None = getattr(actor, _MANAGED_CACHE, None)
    if cached is None:
        cached = member_producer_ids(actor=actor)
        if is_authenticated(actor):
            setattr(actor, _MANAGED_CACHE, cached)
    return cached


def producer_get_visible(*, actor: Any, slug: str) -> Producer | None:
    """A producer shown to anyone when approved, and to its members and staff always."""
    public = with_public_certificates(Producer.objects.public().filter(slug=slug)).first()
    if public is not None:
        return public
    try:
        return producer_get_for_user(actor=actor, slug=slug)
    except NotFound:
        return None
