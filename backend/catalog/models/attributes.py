"""Attributes as Saleor models them: a product type lists which attributes its products and
variants carry; values are assigned per product or per variant."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AttributeInputType(models.TextChoices):
    DROPDOWN = "dropdown", _("Danh sách chọn")
    MULTISELECT = "multiselect", _("Chọn nhiều")
    PLAIN_TEXT = "plain-text", _("Văn bản")
    NUMERIC = "numeric", _("Số")
    BOOLEAN = "boolean", _("Có/không")
    SWATCH = "swatch", _("Mẫu màu")


class Attribute(models.Model):
    name = models.CharField(_("tên"), max_length=255)
    slug = models.SlugField(max_length=250, unique=True, allow_unicode=True)
    input_type = models.CharField(
        max_length=50, choices=AttributeInputType.choices, default=AttributeInputType.DROPDOWN
    )
    unit = models.CharField(max_length=100, blank=True)
    value_required = models.BooleanField(default=False)
    visible_in_storefront = models.BooleanField(default=True)
    filterable_in_storefront = models.BooleanField(default=True)
    storefront_search_position = models.IntegerField(default=0)
    metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["storefront_search_position", "slug"]

    def __str__(self) -> str:
        return self.name


class AttributeValue(models.Model):
    attribute = models.ForeignKey(Attribute, related_name="values", on_delete=models.CASCADE)
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, allow_unicode=True)
    value = models.CharField(max_length=255, blank=True, help_text="Swatch colour or code.")
    plain_text = models.TextField(blank=True)
    boolean = models.BooleanField(blank=True, null=True)
    sort_order = models.IntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "attribute"], name="attribute_value_slug_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name


class AttributeProduct(models.Model):
    """An attribute that products of a product type carry."""

    attribute = models.ForeignKey(
        Attribute, related_name="attribute_products", on_delete=models.CASCADE
    )
    product_type = models.ForeignKey(
        "catalog.ProductType", related_name="attribute_products", on_delete=models.CASCADE
    )
    sort_order = models.IntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["attribute", "product_type"], name="attribute_product_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.product_type_id}: {self.attribute_id}"


class AttributeVariant(models.Model):
    """An attribute that variants of a product type carry (e.g. net weight)."""

    attribute = models.ForeignKey(
        Attribute, related_name="attribute_variants", on_delete=models.CASCADE
    )
    product_type = models.ForeignKey(
        "catalog.ProductType", related_name="attribute_variants", on_delete=models.CASCADE
    )
    variant_selection = models.BooleanField(default=False)
    sort_order = models.IntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["attribute", "product_type"], name="attribute_variant_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.product_type_id}: {self.attribute_id}"


class AssignedProductAttributeValue(models.Model):
    value = models.ForeignKey(
        AttributeValue, related_name="product_assignments", on_delete=models.CASCADE
    )
    product = models.ForeignKey(
        "catalog.Product", related_name="attribute_values", on_delete=models.CASCADE
    )
    sort_order = models.IntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["value", "product"], name="assigned_product_value_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.product_id}: {self.value_id}"


class AssignedVariantAttributeValue(models.Model):
    value = models.ForeignKey(
        AttributeValue, related_name="variant_assignments", on_delete=models.CASCADE
    )
    variant = models.ForeignKey(
        "catalog.ProductVariant", related_name="attribute_values", on_delete=models.CASCADE
    )
    sort_order = models.IntegerField(default=0, db_index=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["value", "variant"], name="assigned_variant_value_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.variant_id}: {self.value_id}"
