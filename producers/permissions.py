"""Who counts as what for producer data. Pure checks on the user; no queries on producers."""

from __future__ import annotations

from typing import Any

from backend.accounts.roles import Role


def is_authenticated(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_reviewing_staff(user: Any) -> bool:
    """Platform staff review producers, see every producer's documents and suspend them.

    ``is_staff`` users and members of the ``platform_staff`` role group qualify; the group
    lookup is cached on the user object for the rest of the request.
    """
    if not is_authenticated(user):
        return False
    if user.is_staff:
        return True
    cached = getattr(user, "_ocop_platform_staff", None)
    if cached is None:
        cached = user.groups.filter(name=Role.PLATFORM_STAFF).exists()
        user._ocop_platform_staff = cached
    return bool(cached)
