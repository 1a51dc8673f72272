from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from qr.gs1 import is_valid_gtin


def validate_gtin(value: str) -> None:
    """GTIN-8/12/13/14 with a correct GS1 check digit (qr.gs1)."""
    if not is_valid_gtin(value):
        raise ValidationError(
            _("Mã GTIN %(value)s không hợp lệ (sai độ dài hoặc số kiểm tra)."),
            code="invalid",
            params={"value": value},
        )


class ProductType(models.Model):
    name = models.CharField(_("tên"), max_length=250)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)
    has_variants = models.BooleanField(default=True)
    is_shipping_required = models.BooleanField(default=True)
    weight_grams = models.PositiveIntegerField(null=True, blank=True)
    metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class Product(models.Model):
    """A product a producer sells. ``category`` is an OCOP product-set category (level 1).

    ``search_vector`` and ``search_name`` are maintained by ``backend.catalog.search`` when
    the product or what it is found by changes; requests never compute them.
    """

    producer = models.ForeignKey(
        "producers.Producer", related_name="products", on_delete=models.PROTECT
    )
    product_type = models.ForeignKey(ProductType, related_name="products", on_delete=models.PROTECT)
    category = models.ForeignKey(
        "catalog.Category",
        related_name="products",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    name = models.CharField(_("tên"), max_length=250)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)
    description = models.JSONField(blank=True, null=True, help_text="EditorJS JSON.")
    description_plaintext = models.TextField(blank=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)
    rating = models.FloatField(null=True, blank=True)
    weight_grams = models.PositiveIntegerField(null=True, blank=True)
    default_variant = models.OneToOneField(
        "catalog.ProductVariant",
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    search_vector = SearchVectorField(null=True, blank=True)
    # Lower-cased, unaccented name ("nem chua thanh hoa") for trigram typo matching.
    search_name = models.TextField(blank=True)
    search_index_dirty = models.BooleanField(default=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["slug"]
        indexes = [
            # Keyset pages in NAME order read the first rows of this index and stop.
            models.Index(fields=["name", "slug", "id"], name="product_name_keyset"),
            GinIndex(fields=["search_vector"], name="product_search_vector_gin"),
            GinIndex(OpClass("search_name", name="gin_trgm_ops"), name="product_search_name_trgm"),
        ]

    def __str__(self) -> str:
        return self.name


class ProductTranslation(models.Model):
    product = models.ForeignKey(Product, related_name="translations", on_delete=models.CASCADE)
    language_code = models.CharField(max_length=35)
    name = models.CharField(max_length=250, blank=True)
    slug = models.SlugField(max_length=255, blank=True, allow_unicode=True)
    description = models.JSONField(blank=True, null=True)
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["language_code", "product"], name="product_translation_unique"
            ),
            models.UniqueConstraint(
                fields=["language_code", "slug"],
                name="product_translation_slug_unique",
                condition=~models.Q(slug=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.language_code}: {self.name}"


class ProductVariant(models.Model):
    product = models.ForeignKey(Product, related_name="variants", on_delete=models.CASCADE)
    sku = models.CharField(max_length=255, unique=True)
    name = models.CharField(max_length=255, blank=True)
    gtin = models.CharField(max_length=14, blank=True, validators=[validate_gtin])
    weight_grams = models.PositiveIntegerField(null=True, blank=True)
    track_inventory = models.BooleanField(default=True)
    quantity_limit_per_customer = models.PositiveIntegerField(null=True, blank=True)
    sort_order = models.IntegerField(default=0, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["sort_order", "sku"]

    def __str__(self) -> str:
        return self.name or self.sku


class ProductVariantTranslation(models.Model):
    product_variant = models.ForeignKey(
        ProductVariant, related_name="translations", on_delete=models.CASCADE
    )
    language_code = models.CharField(max_length=35)
    name = models.CharField(max_length=255, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["language_code", "product_variant"], name="variant_translation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.language_code}: {self.name}"


class ProductChannelListing(models.Model):
    """Whether and from when a product is shown and sold in a channel (Saleor semantics)."""

    product = models.ForeignKey(Product, related_name="channel_listings", on_delete=models.CASCADE)
    channel = models.ForeignKey(
        "channels.Channel", related_name="product_listings", on_delete=models.CASCADE
    )
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    visible_in_listings = models.BooleanField(default=False)
    available_for_purchase_at = models.DateTimeField(null=True, blank=True)
    # Cheapest variant price in the channel, kept for PRICE / MINIMAL_PRICE sorting.
    discounted_price_amount = models.BigIntegerField(
        null=True, blank=True, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "channel"], name="product_channel_listing_unique"
            )
        ]
        indexes = [models.Index(fields=["published_at"])]

    def __str__(self) -> str:
        return f"{self.product_id} @ {self.channel_id}"


class ProductVariantChannelListing(models.Model):
    """A variant's price in a channel, in whole đồng."""

    variant = models.ForeignKey(
        ProductVariant, related_name="channel_listings", on_delete=models.CASCADE
    )
    channel = models.ForeignKey(
        "channels.Channel", related_name="variant_listings", on_delete=models.CASCADE
    )
    price_amount = models.BigIntegerField(validators=[MinValueValidator(0)])
    cost_price_amount = models.BigIntegerField(
        null=True, blank=True, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["variant", "channel"], name="variant_channel_listing_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(price_amount__gte=0), name="variant_listing_price_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.variant_id} @ {self.channel_id}"
