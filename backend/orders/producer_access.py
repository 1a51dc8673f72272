"""Which producers a user works for, for order scoping (``producers.ProducerMember``)."""

from __future__ import annotations

from typing import Any

from producers.selectors import member_producer_ids


def producer_ids_for_user(user: Any) -> set[int]:
    """Ids of the producers ``user`` is a member of (empty for anonymous users)."""
    return set(member_producer_ids(actor=user))


def is_staff_or_producer_member(user: Any) -> bool:
    """Who may call producer-side order mutations at all; each object is checked again."""
    if getattr(user, "is_authenticated", False) and user.is_staff:
        return True
    return bool(producer_ids_for_user(user))
