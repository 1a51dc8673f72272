"""ProductVariant, ProductType, ProductMedia, pricing and translation types."""

from __future__ import annotations

from typing import Any

import graphene

from backend.accounts.roles import is_staff
from backend.catalog import models
from backend.catalog.selectors import MAX_CHECKOUT_LINE_QUANTITY
from backend.graphql.account.inputs import AddressInput
from backend.graphql.catalog import dataloaders as loaders
from backend.graphql.catalog.enums import ProductMediaType, ProductTypeKindEnum, ThumbnailFormatEnum
from backend.graphql.catalog.types.assigned_attributes import (
    ObjectWithAttributes,
    as_selected,
    assigned_data,
)
from backend.graphql.catalog.types.attributes import Attribute, SelectedAttribute
from backend.graphql.catalog.types.channel_listings import (
    ProductVariantChannelListing,
    channel_listings_field,
    require_staff,
)
from backend.graphql.catalog.types.common import channel_id_of, channel_of, media_url, with_channel
from backend.graphql.core.connection import CountableConnection
from backend.graphql.core.enums import CountryCode, LanguageCodeEnum, language_code_value
from backend.graphql.core.metadata import ObjectWithPublicMetadata
from backend.graphql.core.types import TaxedMoney, TaxedMoneyRange, Weight
from backend.graphql.shop.schema import LanguageDisplay

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class Image(graphene.ObjectType):
    """Represents an image."""

    url = graphene.String(required=True, description="The URL of the image.")
    alt = graphene.String(description="Alt text for an image.")


class ProductMedia(ObjectWithPublicMetadata):
    """Represents a product media."""

    sort_order = graphene.Int(description="The sort order of the media.")
    alt = graphene.String(required=True, description="The alt text of the media.")
    type = graphene.Field(ProductMediaType, required=True, description="The type of the media.")
    oembed_data = graphene.JSONString(required=True, description="The oEmbed data of the media.")
    url = graphene.String(
        required=True,
        size=graphene.Int(
            description="Size of the image; snapped to 32..4096. Original when omitted or 0."
        ),
        format=graphene.Argument(ThumbnailFormatEnum, description="The format of the image."),
        description="The URL of the media.",
    )
    product_id = graphene.ID(description="Product id the media refers to.")

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "Represents a product media."

    @staticmethod
    def resolve_oembed_data(root: models.ProductMedia, info: graphene.ResolveInfo) -> Any:
        return {}

    @staticmethod
    def resolve_url(
        root: models.ProductMedia,
        info: graphene.ResolveInfo,
        size: int | None = None,
        format: Any = None,
    ) -> str:
        return media_url(info, root, size, format)

    @staticmethod
    def resolve_product_id(root: models.ProductMedia, info: graphene.ResolveInfo) -> str:
        return graphene.Node.to_global_id("Product", root.product_id)

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.ProductMedia)


class ProductType(ObjectWithPublicMetadata):
    """Represents a type of product. It defines what attributes are available to products."""

    name = graphene.String(required=True, description="Name of the product type.")
    slug = graphene.String(required=True, description="Slug of the product type.")
    has_variants = graphene.Boolean(required=True, description="Whether it has variants.")
    is_shipping_required = graphene.Boolean(
        required=True, description="Whether shipping is required for products of this type."
    )
    kind = graphene.Field(ProductTypeKindEnum, required=True, description="The product type kind.")
    product_attributes = graphene.List(
        graphene.NonNull(Attribute),
        description="Product attributes of that product type; shoppers see only those "
        "visible in the storefront.",
    )

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "Represents a type of product."

    @staticmethod
    def resolve_kind(root: models.ProductType, info: graphene.ResolveInfo) -> str:
        return "normal"

    @staticmethod
    def resolve_product_attributes(root: models.ProductType, info: graphene.ResolveInfo) -> Any:
        visible_only = not is_staff(info.context.user)
        loader = loaders.AttributesByProductTypeIdLoader.for_request(info.context, visible_only)
        return loader.load(root.pk)

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.ProductType)


class ProductPricingInfo(graphene.ObjectType):
    """Represents availability of a product in the storefront."""

    on_sale = graphene.Boolean(description="Whether it is in sale or not.")
    discount = graphene.Field(TaxedMoney, description="The discount amount if in sale.")
    display_gross_prices = graphene.Boolean(
        required=True, description="Determines whether displayed prices should include taxes."
    )
    price_range = graphene.Field(
        TaxedMoneyRange, description="The discounted price range of the product variants."
    )
    price_range_undiscounted = graphene.Field(
        TaxedMoneyRange, description="The undiscounted price range of the product variants."
    )


class VariantPricingInfo(graphene.ObjectType):
    """Represents availability of a variant in the storefront."""

    on_sale = graphene.Boolean(description="Whether it is in sale or not.")
    discount = graphene.Field(TaxedMoney, description="The discount amount if in sale.")
    price = graphene.Field(TaxedMoney, description="The price, with any discount subtracted.")
    price_undiscounted = graphene.Field(TaxedMoney, description="The price without any discount.")


class ProductOcop(graphene.ObjectType):
    """The product's OCOP certification summary (our extension)."""

    stars = graphene.Int(required=True, description="OCOP star rating, 3 to 5.")
    certificate_number = graphene.String(required=True, description="Certificate number.")
    issuer = graphene.String(required=True, description="The authority that issued it.")
    valid_until = graphene.Date(description="Date the certificate expires.")
    status = graphene.String(required=True, description="Status of the certificate.")


class ProductTranslation(graphene.ObjectType):
    """Represents product translations."""

    language = graphene.Field(LanguageDisplay, required=True, description="Translation language.")
    seo_title = graphene.String(description="Translated SEO title.")
    seo_description = graphene.String(description="Translated SEO description.")
    slug = graphene.String(description="Translated product slug.")
    name = graphene.String(description="Translated product name.")
    description = graphene.JSONString(description="Translated description (EditorJS JSON).")

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "Represents product translations."

    @staticmethod
    def resolve_language(root: models.ProductTranslation, info: graphene.ResolveInfo) -> Any:
        code = root.language_code
        return LanguageDisplay(code=code.upper(), language=LANGUAGE_NAMES.get(code, code))

    @staticmethod
    def resolve_slug(root: models.ProductTranslation, info: graphene.ResolveInfo) -> str | None:
        return root.slug or None

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.ProductTranslation)


def address_argument() -> graphene.Argument:
    """Saleor's ``address`` argument of pricing fields: accepted for compatibility; prices
    are the same at every address in Việt Nam, so it changes nothing here."""
    return graphene.Argument(
        AddressInput, description="Destination address (prices do not depend on it here)."
    )


class ProductVariantTranslation(graphene.ObjectType):
    """Represents product variant translations."""

    language = graphene.Field(LanguageDisplay, required=True, description="Translation language.")
    name = graphene.String(required=True, description="Translated variant name.")

    class Meta:
        interfaces = (graphene.relay.Node,)

    @staticmethod
    def resolve_language(root: models.ProductVariantTranslation, info: graphene.ResolveInfo) -> Any:
        code = root.language_code
        return LanguageDisplay(code=code.upper(), language=LANGUAGE_NAMES.get(code, code))

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.ProductVariantTranslation)


def _variant_price(variant: models.ProductVariant, info: graphene.ResolveInfo) -> int | None:
    channel_id = channel_id_of(variant)
    if channel_id is None:
        return None
    listing = loaders.VariantListingByVariantIdLoader.for_request(info.context, channel_id).load(
        variant.pk
    )
    return None if listing is None else listing.price_amount


class ProductVariant(ObjectWithPublicMetadata):
    """Represents a version of a product such as different size or weight."""

    name = graphene.String(required=True, description="The name of the product variant.")
    sku = graphene.String(description="The SKU (stock keeping unit) of the product variant.")
    gtin = graphene.String(description="GTIN-13/14 of the variant, when it has one (OCOP).")
    product = graphene.Field(
        "backend.graphql.catalog.types.products.Product",
        required=True,
        description="The parent product.",
    )
    track_inventory = graphene.Boolean(required=True, description="Whether stock is tracked.")
    quantity_limit_per_customer = graphene.Int(description="Maximum quantity per customer.")
    weight_grams = graphene.Int(description="Net weight in grams (OCOP).")
    channel = graphene.String(description="Channel given to retrieve this product variant.")
    weight = graphene.Field(Weight, description="The weight of the product variant (in grams).")
    translation = graphene.Field(
        ProductVariantTranslation,
        language_code=graphene.Argument(
            LanguageCodeEnum, required=True, description="A language code to return it for."
        ),
        description="Returns translated product variant fields for the given language code.",
    )
    pricing = graphene.Field(
        VariantPricingInfo,
        address=address_argument(),
        description="Lists the storefront variant's pricing in the channel.",
    )
    channel_listings = channel_listings_field(ProductVariantChannelListing, "prices")
    attributes = graphene.List(
        graphene.NonNull(SelectedAttribute),
        required=True,
        description="List of attributes assigned to this variant.",
        deprecation_reason="Use the `assignedAttributes` field instead.",
    )
    quantity_available = graphene.Int(
        address=address_argument(),
        country_code=graphene.Argument(
            CountryCode, description="Country code (the marketplace serves Việt Nam only)."
        ),
        description="Quantity available for sale: stock minus allocations in the channel's "
        "warehouses.",
    )
    created = graphene.DateTime(required=True, description="The date and time of creation.")
    updated_at = graphene.DateTime(required=True, description="The date and time of update.")

    class Meta:
        interfaces = (graphene.relay.Node, ObjectWithAttributes)
        description = "Represents a version of a product such as different size or weight."

    @staticmethod
    def resolve_gtin(root: models.ProductVariant, info: graphene.ResolveInfo) -> str | None:
        return root.gtin or None

    @staticmethod
    def resolve_product(root: models.ProductVariant, info: graphene.ResolveInfo) -> Any:
        return with_channel([root.product], channel_of(root))[0]

    @staticmethod
    def resolve_channel(root: models.ProductVariant, info: graphene.ResolveInfo) -> str | None:
        channel = channel_of(root)
        return None if channel is None else channel.slug

    @staticmethod
    def resolve_pricing(
        root: models.ProductVariant, info: graphene.ResolveInfo, address: Any = None
    ) -> VariantPricingInfo | None:
        price = _variant_price(root, info)
        if price is None:
            return None
        return VariantPricingInfo(
            on_sale=False,
            discount=None,
            price=TaxedMoney.of(price),
            price_undiscounted=TaxedMoney.of(price),
        )

    @staticmethod
    def resolve_attributes(root: models.ProductVariant, info: graphene.ResolveInfo) -> Any:
        return as_selected(assigned_data(root, info))

    @staticmethod
    def resolve_channel_listings(root: models.ProductVariant, info: graphene.ResolveInfo) -> Any:
        require_staff(info)
        return loaders.VariantListingsByVariantIdLoader.for_request(info.context).load(root.pk)

    @staticmethod
    def resolve_weight(root: models.ProductVariant, info: graphene.ResolveInfo) -> Weight | None:
        return Weight.of_grams(root.weight_grams)

    @staticmethod
    def resolve_translation(
        root: models.ProductVariant, info: graphene.ResolveInfo, language_code: Any
    ) -> Any:
        code = language_code_value(language_code)
        return loaders.VariantTranslationLoader.for_request(info.context, code).load(root.pk)

    @staticmethod
    def resolve_quantity_available(
        root: models.ProductVariant,
        info: graphene.ResolveInfo,
        address: Any = None,
        country_code: Any = None,
    ) -> int:
        if not root.track_inventory:
            return MAX_CHECKOUT_LINE_QUANTITY
        loader = loaders.AvailableQuantityByVariantIdLoader.for_request(
            info.context, channel_id_of(root)
        )
        return loader.load(root.pk)

    @staticmethod
    def resolve_created(root: models.ProductVariant, info: graphene.ResolveInfo) -> Any:
        return root.created_at

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.ProductVariant)


class ProductVariantCountableConnection(CountableConnection):
    class Meta:
        node = ProductVariant
        description = "A paginated list of product variants."
