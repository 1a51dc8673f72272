"""Who is who in certification: officials, their jurisdiction, and producer members.

Selectors and services call these; nothing else decides access.
"""

from __future__ import annotations

from typing import Any

from backend.accounts.roles import Role
from backend.ocop.models import CENTRAL, OfficialProfile, OfficialRole
from producers.models import Producer


def official_profile_of(user: Any) -> OfficialProfile | None:
    """The profile of an active user in the ``official`` group, else None.

    A profile without the group (e.g. a removed official) grants nothing.
    """
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    profile = OfficialProfile.objects.filter(user=user).first()
    if profile is None or not user.groups.filter(name=Role.OFFICIAL).exists():
        return None
    return profile


def covers_province(profile: OfficialProfile, province_code: str) -> bool:
    """A provincial official covers its own province only; central covers none by province."""
    return not profile.is_central and profile.jurisdiction == province_code


def is_central(profile: OfficialProfile) -> bool:
    return profile.jurisdiction == CENTRAL


def is_approver(profile: OfficialProfile) -> bool:
    return profile.role == OfficialRole.APPROVER


def member_producer_ids(*, actor: Any) -> frozenset[int]:
    """Producers ``actor`` may apply for.

    Seam for the producers app: this branch has no producer membership model yet, so a
    member is an active user in the ``producer_member`` group whose email is the producer's
    registered contact email. When ``producers.ProducerMember`` lands, replace the body with
    ``producers.selectors.member_producer_ids(actor=actor)``; callers do not change.
    """
    if actor is None or not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return frozenset()
    if not actor.groups.filter(name=Role.PRODUCER_MEMBER).exists():
        return frozenset()
    return frozenset(
        Producer.objects.filter(email__iexact=actor.email).values_list("pk", flat=True)
    )


def producer_notification_emails(producer: Producer) -> list[str]:
    """Where certificate reminders go: the producer's registered contact email."""
    return [producer.email] if producer.email else []
