"""Batch loaders of the catalogue: one query per kind of data for a whole page of products.

Pools: "product" (product pks on the page), "variant" (variant pks), "media" (media pks),
"collection" (collection pks), "product_type" (product type pks), "category" (category
pks).
Channel-dependent loaders take the channel id (or None) as their parameter.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import F

from backend.catalog.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    Attribute,
    CategoryTranslation,
    Collection,
    CollectionChannelListing,
    CollectionTranslation,
    ProductChannelListing,
    ProductMedia,
    ProductTranslation,
    ProductVariant,
    ProductVariantChannelListing,
    ProductVariantTranslation,
    Thumbnail,
)
from backend.catalog.selectors import (
    attributes_by_product,
    attributes_by_product_type,
    attributes_by_variant,
    available_quantities,
    collections_by_id,
    collections_by_product,
    default_variants_by_product,
    variants_by_product,
)
from backend.graphql.core.dataloaders import DataLoader, register
from backend.ocop.selectors import OcopSummary, ocop_summary_for_products


class ListLoader(DataLoader[Any, list[Any]]):
    def missing(self) -> list[Any]:
        return []


class MediaByProductIdLoader(ListLoader):
    pool = "product"

    def batch_load(self, keys: list[int]) -> dict[int, list[ProductMedia]]:
        found: dict[int, list[ProductMedia]] = defaultdict(list)
        for media in ProductMedia.objects.filter(product_id__in=keys).order_by("sort_order", "pk"):
            found[media.product_id].append(media)
        register(self.context, "media", (m.pk for items in found.values() for m in items))
        return found


class ThumbnailByMediaIdLoader(DataLoader[int, Thumbnail]):
    """Param: (size, format)."""

    pool = "media"

    def batch_load(self, keys: list[int]) -> dict[int, Thumbnail]:
        size, fmt = self.params
        thumbnails = Thumbnail.objects.filter(product_media_id__in=keys, size=size, format=fmt)
        return {thumbnail.product_media_id: thumbnail for thumbnail in thumbnails}  # type: ignore[misc]


class VariantsByProductIdLoader(ListLoader):
    """The variants the request's user may see in a channel: all for staff, those priced
    in it for everyone else. Param: channel or None."""

    pool = "product"

    def batch_load(self, keys: list[int]) -> dict[int, list[ProductVariant]]:
        (channel,) = self.params
        found = variants_by_product(keys, user=self.context.user, channel=channel)
        register(self.context, "variant", (v.pk for items in found.values() for v in items))
        return found


class VariantListingsByProductIdLoader(ListLoader):
    """The variant listings (prices, costs) of each product in one channel. Param: channel
    id."""

    pool = "product"

    def batch_load(self, keys: list[int]) -> dict[int, list[ProductVariantChannelListing]]:
        (channel_id,) = self.params
        found: dict[int, list[ProductVariantChannelListing]] = defaultdict(list)
        listings = ProductVariantChannelListing.objects.filter(
            channel_id=channel_id, variant__product_id__in=keys
        ).annotate(product_id=F("variant__product_id"))
        for listing in listings.order_by("pk"):
            found[listing.product_id].append(listing)  # type: ignore[attr-defined]
        return found


class ProductListingByProductIdLoader(DataLoader[int, ProductChannelListing]):
    """Param: channel id."""

    pool = "product"

    def batch_load(self, keys: list[int]) -> dict[int, ProductChannelListing]:
        (channel_id,) = self.params
        listings = ProductChannelListing.objects.filter(channel_id=channel_id, product_id__in=keys)
        return {listing.product_id: listing for listing in listings}


class VariantListingByVariantIdLoader(DataLoader[int, ProductVariantChannelListing]):
    """Param: channel id."""

    pool = "variant"

    def batch_load(self, keys: list[int]) -> dict[int, ProductVariantChannelListing]:
        (channel_id,) = self.params
        listings = ProductVariantChannelListing.objects.filter(
            channel_id=channel_id, variant_id__in=keys
        )
        return {listing.variant_id: listing for listing in listings}


class AvailableQuantityByVariantIdLoader(DataLoader[int, int]):
    """Stock minus allocations over the channel's warehouses (all warehouses without a
    channel). Param: channel id or None."""

    pool = "variant"

    def missing(self) -> int:
        return 0

    def batch_load(self, keys: list[int]) -> dict[int, int]:
        (channel_id,) = self.params
        return available_quantities(keys, channel_id)


class ProductAttributeValuesLoader(ListLoader):
    pool = "product"

    def batch_load(self, keys: list[int]) -> dict[int, list[AssignedProductAttributeValue]]:
        found: dict[int, list[AssignedProductAttributeValue]] = defaultdict(list)
        assignments = (
            AssignedProductAttributeValue.objects.filter(product_id__in=keys)
            .select_related("value__attribute")
            .order_by("value__attribute__storefront_search_position", "sort_order", "pk")
        )
        for assignment in assignments:
            found[assignment.product_id].append(assignment)
        return found


class VariantAttributeValuesLoader(ListLoader):
    pool = "variant"

    def batch_load(self, keys: list[int]) -> dict[int, list[AssignedVariantAttributeValue]]:
        found: dict[int, list[AssignedVariantAttributeValue]] = defaultdict(list)
        assignments = (
            AssignedVariantAttributeValue.objects.filter(variant_id__in=keys)
            .select_related("value__attribute")
            .order_by("value__attribute__storefront_search_position", "sort_order", "pk")
        )
        for assignment in assignments:
            found[assignment.variant_id].append(assignment)
        return found


class TranslationLoader(DataLoader[int, Any]):
    """Each owner's translation into one language. Subclasses name the translation model
    and its owner's key column. Param: language code."""

    model: Any
    owner: str

    def batch_load(self, keys: list[int]) -> dict[int, Any]:
        (language_code,) = self.params
        translations = self.model.objects.filter(
            **{f"{self.owner}__in": keys}, language_code=language_code
        )
        return {getattr(translation, self.owner): translation for translation in translations}


class ProductTranslationLoader(TranslationLoader):
    pool = "product"
    model = ProductTranslation
    owner = "product_id"


class VariantTranslationLoader(TranslationLoader):
    pool = "variant"
    model = ProductVariantTranslation
    owner = "product_variant_id"


class CategoryTranslationLoader(TranslationLoader):
    pool = "category"
    model = CategoryTranslation
    owner = "category_id"


class CollectionTranslationLoader(TranslationLoader):
    pool = "collection"
    model = CollectionTranslation
    owner = "collection_id"


class OcopSummaryByProductIdLoader(DataLoader[int, OcopSummary]):
    """The OCOP certificate in force for each product on the page (one query)."""

    pool = "product"

    def batch_load(self, keys: list[int]) -> dict[int, OcopSummary]:
        return ocop_summary_for_products(keys)


class DefaultVariantByProductIdLoader(DataLoader[int, ProductVariant]):
    """The default variant when the request's user may see it in a channel (see
    VariantsByProductIdLoader). Param: channel or None."""

    pool = "product"

    def batch_load(self, keys: list[int]) -> dict[int, ProductVariant]:
        (channel,) = self.params
        found = default_variants_by_product(keys, user=self.context.user, channel=channel)
        register(self.context, "variant", (variant.pk for variant in found.values()))
        return found


class AttributesByProductIdLoader(ListLoader):
    """The product type's product attributes. Param: visible_only (shoppers)."""

    pool = "product"

    def batch_load(self, keys: list[int]) -> dict[int, list[Attribute]]:
        (visible_only,) = self.params
        return attributes_by_product(keys, visible_only=visible_only)


class AttributesByVariantIdLoader(ListLoader):
    """The product type's variant attributes. Param: visible_only (shoppers)."""

    pool = "variant"

    def batch_load(self, keys: list[int]) -> dict[int, list[Attribute]]:
        (visible_only,) = self.params
        return attributes_by_variant(keys, visible_only=visible_only)


class AttributesByProductTypeIdLoader(ListLoader):
    """The product type's product attributes. Param: visible_only (shoppers)."""

    pool = "product_type"

    def batch_load(self, keys: list[int]) -> dict[int, list[Attribute]]:
        (visible_only,) = self.params
        return attributes_by_product_type(keys, visible_only=visible_only)


class CollectionByIdLoader(DataLoader[int, Collection]):
    """The collection when the request's user may see it (staff: any; others: published
    in the channel). Param: channel or None."""

    pool = "collection"

    def batch_load(self, keys: list[int]) -> dict[int, Collection]:
        (channel,) = self.params
        return collections_by_id(keys, user=self.context.user, channel=channel)


class CollectionsByProductIdLoader(ListLoader):
    """The collections the request's user may see each product in. Param: channel or None."""

    pool = "product"

    def batch_load(self, keys: list[int]) -> dict[int, list[Collection]]:
        (channel,) = self.params
        found = collections_by_product(keys, user=self.context.user, channel=channel)
        register(self.context, "collection", (c.pk for items in found.values() for c in items))
        return found


class ChannelListingsLoader(ListLoader):
    """Every channel listing (with its channel) of each owner, for staff. Subclasses name
    the listing model and its owner's key column."""

    model: Any
    owner: str

    def batch_load(self, keys: list[int]) -> dict[int, list[Any]]:
        found: dict[int, list[Any]] = defaultdict(list)
        listings = self.model.objects.filter(**{f"{self.owner}__in": keys})
        for listing in listings.select_related("channel").order_by("pk"):
            found[getattr(listing, self.owner)].append(listing)
        return found


class ProductListingsByProductIdLoader(ChannelListingsLoader):
    pool = "product"
    model = ProductChannelListing
    owner = "product_id"


class VariantListingsByVariantIdLoader(ChannelListingsLoader):
    pool = "variant"
    model = ProductVariantChannelListing
    owner = "variant_id"


class CollectionListingsByCollectionIdLoader(ChannelListingsLoader):
    pool = "collection"
    model = CollectionChannelListing
    owner = "collection_id"
