"""Sales channels (Saleor's ``Channel``): where products are listed and priced.

OCOP Market sells in Vietnamese đồng to Vietnam only, so the currency and default country
are fixed; the fields exist because Saleor clients read them.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.core.money import CURRENCY


class Channel(models.Model):
    name = models.CharField(_("tên"), max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    is_active = models.BooleanField(default=False)
    currency_code = models.CharField(
        max_length=3, choices=[(CURRENCY, CURRENCY)], default=CURRENCY, editable=False
    )
    default_country = models.CharField(max_length=2, default="VN", editable=False)
    metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(currency_code=CURRENCY), name="channel_currency_is_vnd"
            ),
            models.CheckConstraint(
                condition=models.Q(default_country="VN"), name="channel_country_is_vn"
            ),
        ]

    def __str__(self) -> str:
        return self.slug
