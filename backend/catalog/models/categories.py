from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.Model):
    """A node of the category tree. The OCOP taxonomy seeds it: the six sectors are the roots
    (level 0) and the 26 product sets their children (level 1); products belong to a set."""

    name = models.CharField(_("tên"), max_length=250)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)
    description = models.JSONField(blank=True, null=True)
    description_plaintext = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, related_name="children", on_delete=models.CASCADE
    )
    # Saleor keeps an MPTT tree; two fixed levels make a plain depth column enough.
    level = models.PositiveSmallIntegerField(default=0, editable=False, db_index=True)
    ocop_sector = models.CharField(
        max_length=4, blank=True, help_text="Roman numeral of the OCOP sector (I-VI)."
    )
    ocop_product_set = models.PositiveSmallIntegerField(
        null=True, blank=True, unique=True, help_text="OCOP product-set number (1-26)."
    )
    background_image = models.ImageField(upload_to="category-backgrounds", blank=True)
    background_image_alt = models.CharField(max_length=128, blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["level", "slug"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.level = 0 if self.parent is None else self.parent.level + 1
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class CategoryTranslation(models.Model):
    category = models.ForeignKey(Category, related_name="translations", on_delete=models.CASCADE)
    language_code = models.CharField(max_length=35)
    name = models.CharField(max_length=250, blank=True)
    slug = models.SlugField(max_length=255, blank=True, allow_unicode=True)
    description = models.JSONField(blank=True, null=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["language_code", "category"], name="category_translation_unique"
            ),
            models.UniqueConstraint(
                fields=["language_code", "slug"],
                name="category_translation_slug_unique",
                condition=~models.Q(slug=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.language_code}: {self.name}"
