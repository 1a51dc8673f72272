"""Which producers a user works for.

Producer membership (``producers.ProducerMember``) is built on the ``producers`` branch and
not merged here yet; until it is, the lookup finds the model if installed and otherwise
answers "none", so only staff and the shopper see orders. After the merge this becomes a
plain ``ProducerMember.objects.filter(user=user)`` query.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps


def producer_ids_for_user(user: Any) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    member_model = apps.all_models.get("producers", {}).get("producermember")
    if member_model is None:
        return set()
    members = member_model._default_manager.filter(user=user)
    return set(members.values_list("producer_id", flat=True))
