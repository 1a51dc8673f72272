"""Roles are Django permission groups; a user may hold several."""

from django.db import models


class Role(models.TextChoices):
    SHOPPER = "shopper", "Shopper"
    PRODUCER_MEMBER = "producer_member", "Producer member"
    OFFICIAL = "official", "Agriculture official"
    PLATFORM_STAFF = "platform_staff", "Platform staff"
