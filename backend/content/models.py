"""Content pages and navigation menus (Saleor's ``page`` and ``menu``), kept simple:
pages have no page types or attributes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Page(models.Model):
    title = models.CharField(_("tiêu đề"), max_length=250)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)
    content = models.JSONField(blank=True, null=True, help_text="EditorJS JSON.")
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title


class PageTranslation(models.Model):
    page = models.ForeignKey(Page, related_name="translations", on_delete=models.CASCADE)
    language_code = models.CharField(max_length=35)
    title = models.CharField(max_length=250, blank=True)
    slug = models.SlugField(max_length=255, blank=True, allow_unicode=True)
    content = models.JSONField(blank=True, null=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["language_code", "page"], name="page_translation_unique"
            ),
            models.UniqueConstraint(
                fields=["language_code", "slug"],
                name="page_translation_slug_unique",
                condition=~models.Q(slug=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.language_code}: {self.title}"


class Menu(models.Model):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class MenuItem(models.Model):
    """A link to a category, collection, page or URL, optionally nested under another."""

    menu = models.ForeignKey(Menu, related_name="items", on_delete=models.CASCADE)
    parent = models.ForeignKey(
        "self", null=True, blank=True, related_name="children", on_delete=models.CASCADE
    )
    name = models.CharField(max_length=128)
    sort_order = models.IntegerField(default=0, db_index=True)
    url = models.URLField(max_length=256, blank=True)
    category = models.ForeignKey(
        "catalog.Category", null=True, blank=True, on_delete=models.CASCADE
    )
    collection = models.ForeignKey(
        "catalog.Collection", null=True, blank=True, on_delete=models.CASCADE
    )
    page = models.ForeignKey(Page, null=True, blank=True, on_delete=models.CASCADE)
    metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def level(self) -> int:
        return 0 if self.parent is None else self.parent.level + 1
