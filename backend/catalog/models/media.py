from __future__ import annotations

from django.db import models


class ProductMediaType(models.TextChoices):
    IMAGE = "IMAGE", "An uploaded image or an URL to an image"
    VIDEO = "VIDEO", "A URL to an external video"


class ProductMedia(models.Model):
    product = models.ForeignKey("catalog.Product", related_name="media", on_delete=models.CASCADE)
    image = models.ImageField(upload_to="products", blank=True)
    alt = models.CharField(max_length=250, blank=True)
    type = models.CharField(
        max_length=32, choices=ProductMediaType.choices, default=ProductMediaType.IMAGE
    )
    external_url = models.CharField(max_length=256, blank=True)
    sort_order = models.IntegerField(default=0, db_index=True)
    metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.alt or str(self.image.name)


class ThumbnailFormat(models.TextChoices):
    ORIGINAL = "original", "Original"
    AVIF = "avif", "AVIF"
    WEBP = "webp", "WebP"


class Thumbnail(models.Model):
    """A generated, stored thumbnail of one image at one Saleor size and format."""

    image = models.ImageField(upload_to="thumbnails")
    size = models.PositiveIntegerField()
    format = models.CharField(max_length=32, choices=ThumbnailFormat.choices)
    product_media = models.ForeignKey(
        ProductMedia, null=True, blank=True, related_name="thumbnails", on_delete=models.CASCADE
    )
    category = models.ForeignKey(
        "catalog.Category",
        null=True,
        blank=True,
        related_name="thumbnails",
        on_delete=models.CASCADE,
    )
    collection = models.ForeignKey(
        "catalog.Collection",
        null=True,
        blank=True,
        related_name="thumbnails",
        on_delete=models.CASCADE,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["product_media", "size", "format"], name="thumbnail_media_unique"
            ),
            models.UniqueConstraint(
                fields=["category", "size", "format"], name="thumbnail_category_unique"
            ),
            models.UniqueConstraint(
                fields=["collection", "size", "format"], name="thumbnail_collection_unique"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(product_media__isnull=False, category=None, collection=None)
                    | models.Q(product_media=None, category__isnull=False, collection=None)
                    | models.Q(product_media=None, category=None, collection__isnull=False)
                ),
                name="thumbnail_has_one_owner",
            ),
        ]

    def __str__(self) -> str:
        return str(self.image.name)
