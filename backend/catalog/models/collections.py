from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Collection(models.Model):
    name = models.CharField(_("tên"), max_length=250)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)
    description = models.JSONField(blank=True, null=True)
    background_image = models.ImageField(upload_to="collection-backgrounds", blank=True)
    background_image_alt = models.CharField(max_length=128, blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)
    products = models.ManyToManyField(
        "catalog.Product", through="catalog.CollectionProduct", related_name="collections"
    )
    metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class CollectionProduct(models.Model):
    collection = models.ForeignKey(
        Collection, related_name="collection_products", on_delete=models.CASCADE
    )
    product = models.ForeignKey(
        "catalog.Product", related_name="collection_products", on_delete=models.CASCADE
    )
    sort_order = models.IntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "product"], name="collection_product_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.collection_id}: {self.product_id}"


class CollectionChannelListing(models.Model):
    collection = models.ForeignKey(
        Collection, related_name="channel_listings", on_delete=models.CASCADE
    )
    channel = models.ForeignKey(
        "channels.Channel", related_name="collection_listings", on_delete=models.CASCADE
    )
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "channel"], name="collection_channel_listing_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.collection_id} @ {self.channel_id}"


class CollectionTranslation(models.Model):
    collection = models.ForeignKey(
        Collection, related_name="translations", on_delete=models.CASCADE
    )
    language_code = models.CharField(max_length=35)
    name = models.CharField(max_length=250, blank=True)
    slug = models.SlugField(max_length=255, blank=True, allow_unicode=True)
    description = models.JSONField(blank=True, null=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["language_code", "collection"], name="collection_translation_unique"
            ),
            models.UniqueConstraint(
                fields=["language_code", "slug"],
                name="collection_translation_slug_unique",
                condition=~models.Q(slug=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.language_code}: {self.name}"
