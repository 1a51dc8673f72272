"""Roles are Django permission groups; a user may hold several."""

from django.db import models


class Role(models.TextChoices):
    SHOPPER = "shopper", "Shopper"
    PRODUCER_MEMBER = "producer_member", "Producer member"
    OFFICIAL = "official", "Agriculture official"
    PLATFORM_STAFF = "platform_staff", "Platform staff"


def is_staff(user: object) -> bool:
    """Active, signed-in platform staff (Django's ``is_staff``): what every staff-only read
    and write checks."""
    return bool(
        getattr(user, "is_authenticated", False)
        and getattr(user, "is_active", False)
        and getattr(user, "is_staff", False)
    )
