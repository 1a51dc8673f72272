from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The jurisdiction of the national (Ministry) council; otherwise a province code.
CENTRAL = "CENTRAL"


class OfficialRole(models.TextChoices):
    ASSESSOR = "assessor", _("Thẩm định viên")
    APPROVER = "approver", _("Người ký quyết định")


class OfficialProfile(models.Model):
    """Where an agriculture official works and what they may do.

    Only users who are also in the ``official`` group act as officials (backend/ocop/access.py).
    ``jurisdiction`` is a 2025 province code (e.g. "38") or ``CENTRAL``.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="official_profile"
    )
    jurisdiction = models.CharField(max_length=8, db_index=True)
    role = models.CharField(max_length=16, choices=OfficialRole.choices)

    class Meta:
        ordering = ["jurisdiction", "user"]

    def __str__(self) -> str:
        return f"{self.user} ({self.jurisdiction}, {self.role})"

    @property
    def is_central(self) -> bool:
        return self.jurisdiction == CENTRAL
