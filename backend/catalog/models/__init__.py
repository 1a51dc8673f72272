"""The catalogue: categories, product types, attributes, products, variants, media, collections
and their per-channel listings, shaped after Saleor's ``product`` and ``attribute`` apps."""

from backend.catalog.models.attributes import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    Attribute,
    AttributeInputType,
    AttributeProduct,
    AttributeValue,
    AttributeVariant,
)
from backend.catalog.models.categories import Category, CategoryTranslation
from backend.catalog.models.collections import (
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    CollectionTranslation,
)
from backend.catalog.models.media import ProductMedia, ProductMediaType, Thumbnail, ThumbnailFormat
from backend.catalog.models.products import (
    Product,
    ProductChannelListing,
    ProductTranslation,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
    ProductVariantTranslation,
)

__all__ = [
    "AssignedProductAttributeValue",
    "AssignedVariantAttributeValue",
    "Attribute",
    "AttributeInputType",
    "AttributeProduct",
    "AttributeValue",
    "AttributeVariant",
    "Category",
    "CategoryTranslation",
    "Collection",
    "CollectionChannelListing",
    "CollectionProduct",
    "CollectionTranslation",
    "Product",
    "ProductChannelListing",
    "ProductMedia",
    "ProductMediaType",
    "ProductTranslation",
    "ProductType",
    "ProductVariant",
    "ProductVariantChannelListing",
    "ProductVariantTranslation",
    "Thumbnail",
    "ThumbnailFormat",
]
