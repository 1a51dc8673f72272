from __future__ import annotations

import graphene

from backend.catalog.models import AttributeInputType


class ThumbnailFormatEnum(graphene.Enum):
    """Thumbnail formats for icon images."""

    ORIGINAL = "original"
    AVIF = "avif"
    WEBP = "webp"


class ProductMediaType(graphene.Enum):
    """The type of product media."""

    IMAGE = "IMAGE"
    VIDEO = "VIDEO"


class ProductTypeKindEnum(graphene.Enum):
    """The kind of a product type."""

    NORMAL = "normal"
    GIFT_CARD = "gift_card"


class AttributeTypeEnum(graphene.Enum):
    """The type of an attribute."""

    PRODUCT_TYPE = "PRODUCT_TYPE"
    PAGE_TYPE = "PAGE_TYPE"


AttributeInputTypeEnum = graphene.Enum(
    "AttributeInputTypeEnum",
    [(choice.name, choice.value) for choice in AttributeInputType],
    description="The input type of an attribute.",
)


class ProductOrderField(graphene.Enum):
    """Sort products by (Saleor's fields plus OCOP_STARS)."""

    NAME = "name"
    RANK = "rank"
    PRICE = "price"
    MINIMAL_PRICE = "minimal_price"
    LAST_MODIFIED = "last_modified"
    DATE = "date"
    TYPE = "type"
    PUBLISHED = "published"
    PUBLICATION_DATE = "publication_date"
    PUBLISHED_AT = "published_at"
    LAST_MODIFIED_AT = "last_modified_at"
    RATING = "rating"
    CREATED_AT = "created_at"
    OCOP_STARS = "ocop_stars"

    @property
    def description(self) -> str:
        return {
            "NAME": "Sort products by name.",
            "RANK": "Sort products by search rank (only with `search`).",
            "PRICE": "Sort products by price (the cheapest variant in the channel).",
            "MINIMAL_PRICE": "Sort products by a minimal price of a product's variant.",
            "LAST_MODIFIED": "Sort products by update date.",
            "DATE": "Sort products by update date.",
            "TYPE": "Sort products by type.",
            "PUBLISHED": "Sort products by publication status.",
            "PUBLICATION_DATE": "Sort products by publication date.",
            "PUBLISHED_AT": "Sort products by publication date.",
            "LAST_MODIFIED_AT": "Sort products by update date.",
            "RATING": "Sort products by rating.",
            "CREATED_AT": "Sort products by creation date.",
            "OCOP_STARS": "Sort products by OCOP star rating (uncertified products last).",
        }[self.name]


class CategorySortField(graphene.Enum):
    """Sort categories by."""

    NAME = "name"
    PRODUCT_COUNT = "product_count"
    SUBCATEGORY_COUNT = "subcategory_count"

    @property
    def description(self) -> str:
        return {
            "NAME": "Sort categories by name.",
            "PRODUCT_COUNT": "Sort categories by product count.",
            "SUBCATEGORY_COUNT": "Sort categories by subcategory count.",
        }[self.name]


class CollectionSortField(graphene.Enum):
    """Sort collections by."""

    NAME = "name"
    AVAILABILITY = "availability"
    PRODUCT_COUNT = "product_count"
    PUBLISHED_AT = "published_at"

    @property
    def description(self) -> str:
        return {
            "NAME": "Sort collections by name.",
            "AVAILABILITY": "Sort collections by availability.",
            "PRODUCT_COUNT": "Sort collections by product count.",
            "PUBLISHED_AT": "Sort collections by publication date.",
        }[self.name]


class ProductVariantSortField(graphene.Enum):
    """Sort product variants by."""

    LAST_MODIFIED_AT = "last_modified_at"

    @property
    def description(self) -> str:
        return "Sort product variants by update date."
