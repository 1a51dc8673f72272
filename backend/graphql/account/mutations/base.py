"""Helpers shared by the account mutations."""

from __future__ import annotations

from typing import Any

import graphene

from backend.accounts.models import User
from backend.core.errors import PermissionDenied
from backend.graphql.core.ids import pk_from_global_id


def is_authenticated(user: Any) -> bool:
    """Permission check: any signed-in user (Saleor's AUTHENTICATED_USER)."""
    return bool(user.is_authenticated)


def acting_user(info: graphene.ResolveInfo, customer_id: str | None = None) -> User:
    """The signed-in user; ``customerId`` (staff editing others, in Saleor) may only name them."""
    user: User = info.context.user
    if customer_id is not None and pk_from_global_id(customer_id, type_name="User") != user.pk:
        raise PermissionDenied()
    return user
