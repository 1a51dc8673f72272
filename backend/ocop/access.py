"""Who is who in certification: officials, their jurisdiction, and producer members.

Selectors and services call these; nothing else decides access.
"""

from __future__ import annotations

from typing import Any

from backend.accounts.roles import Role
from backend.ocop.models import CENTRAL, OfficialProfile, OfficialRole
from producers import selectors as producer_selectors
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
    """Producers ``actor`` may apply for: those it is a member of."""
    return producer_selectors.member_producer_ids(actor=actor)


def producer_notification_emails(producer: Producer) -> list[str]:
    """Where certificate reminders go: the owners' emails and the producer's contact email."""
    owners = producer_selectors.owner_emails(producer_id=producer.pk)
    emails = [email for email, _language in owners]
    if producer.email and producer.email not in emails:
        emails.append(producer.email)
    return emails
