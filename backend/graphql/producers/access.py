"""Per-request answers to "may this user see this producer's private fields?"."""

from __future__ import annotations

import graphene

from producers import selectors
from producers.models import Producer
from producers.permissions import is_reviewing_staff


def can_see_private(info: graphene.ResolveInfo, producer: Producer) -> bool:
    """Members of ``producer`` and reviewing staff; memberships are loaded once per request."""
    user = info.context.user
    if is_reviewing_staff(user):
        return True
    member_of = getattr(info.context, "_producer_member_ids", None)
    if member_of is None:
        member_of = selectors.member_producer_ids(actor=user)
        info.context._producer_member_ids = member_of
    return producer.pk in member_of
