"""The Product type."""

from __future__ import annotations

from typing import Any

import graphene
from django.utils import timezone
from graphql import GraphQLError

from backend.catalog import models
from backend.catalog.selectors import variant_queryset_for_user
from backend.graphql.catalog import dataloaders as loaders
from backend.graphql.catalog.enums import ThumbnailFormatEnum
from backend.graphql.catalog.types.assigned_attributes import (
    ObjectWithAttributes,
    as_selected,
    assigned_data,
)
from backend.graphql.catalog.types.attributes import SelectedAttribute
from backend.graphql.catalog.types.channel_listings import (
    ProductChannelListing,
    channel_listings_field,
    require_staff,
)
from backend.graphql.catalog.types.common import (
    channel_id_of,
    channel_of,
    media_url,
    with_channel,
)
from backend.graphql.catalog.types.variants import (
    Image,
    ProductMedia,
    ProductOcop,
    ProductPricingInfo,
    ProductTranslation,
    ProductType,
    ProductVariant,
    ProductVariantCountableConnection,
    address_argument,
)
from backend.graphql.core.connection import (
    CountableConnection,
    resolve_connection,
)
from backend.graphql.core.dataloaders import register
from backend.graphql.core.enums import LanguageCodeEnum, language_code_value
from backend.graphql.core.ids import decode_id
from backend.graphql.core.metadata import ObjectWithPublicMetadata
from backend.graphql.core.types import TaxedMoney, TaxedMoneyRange, Weight
from backend.graphql.producers.types import Producer

DEFAULT_PRODUCT_THUMBNAIL_SIZE = 256


class Product(ObjectWithPublicMetadata):
    """Represents an individual item for sale in the storefront."""

    seo_title = graphene.String(description="SEO title of the product.")
    seo_description = graphene.String(description="SEO description of the product.")
    name = graphene.String(required=True, description="The name of the product.")
    description = graphene.JSONString(description="Description of the product (EditorJS JSON).")
    product_type = graphene.Field(ProductType, required=True, description="Type of the product.")
    slug = graphene.String(required=True, description="Slug of the product.")
    category = graphene.Field(
        "backend.graphql.catalog.types.categories.Category",
        description="Category (OCOP product set) of the product.",
    )
    created = graphene.DateTime(required=True, description="The date and time of creation.")
    updated_at = graphene.DateTime(required=True, description="The date and time of update.")
    rating = graphene.Float(description="Rating of the product.")
    channel = graphene.String(description="Channel given to retrieve this product.")
    thumbnail = graphene.Field(
        Image,
        size=graphene.Int(
            description="Size of the image (snapped to 32..4096); 256 when omitted, 0 original."
        ),
        format=graphene.Argument(ThumbnailFormatEnum, description="The format of the image."),
        description="The main thumbnail for a product.",
    )
    pricing = graphene.Field(
        ProductPricingInfo,
        address=address_argument(),
        description="Lists the storefront product's pricing in the channel.",
    )
    is_available = graphene.Boolean(
        address=address_argument(),
        description="Whether the product is in stock, visible and available for purchase.",
    )
    is_available_for_purchase = graphene.Boolean(
        description="Whether the product is available for purchase."
    )
    available_for_purchase_at = graphene.DateTime(
        description="Date when product is available for purchase."
    )
    attributes = graphene.List(
        graphene.NonNull(SelectedAttribute),
        required=True,
        description="List of attributes assigned to this product.",
        deprecation_reason="Use the `assignedAttributes` field instead.",
    )
    default_variant = graphene.Field(
        ProductVariant,
        description="Default variant of the product; null for shoppers when it has no price "
        "in the channel.",
    )
    attribute = graphene.Field(
        SelectedAttribute,
        slug=graphene.String(required=True, description="Slug of the attribute."),
        description="Get a single attribute attached to product by attribute slug.",
        deprecation_reason="Use the `assignedAttribute` field instead.",
    )
    variant = graphene.Field(
        ProductVariant,
        id=graphene.ID(description="ID of the variant."),
        sku=graphene.String(description="SKU of the variant."),
        description="Get a single variant by SKU or ID (shoppers: only variants priced in the "
        "channel).",
        deprecation_reason="Use top-level `variant` query.",
    )
    media_by_id = graphene.Field(
        ProductMedia,
        id=graphene.ID(required=True, description="ID of a product media."),
        description="Get a single product media by ID.",
    )
    weight = graphene.Field(Weight, description="Weight of the product (in grams).")
    description_json = graphene.JSONString(
        description="Description of the product (EditorJS JSON).",
        deprecation_reason="Use the `description` field instead.",
    )
    available_for_purchase = graphene.Date(
        description="Date when product is available for purchase.",
        deprecation_reason="Use the `availableForPurchaseAt` field to fetch the date.",
    )
    collections = graphene.List(
        graphene.NonNull("backend.graphql.catalog.types.categories.Collection"),
        description="List of collections for the product; shoppers see only those published "
        "in the channel.",
    )
    channel_listings = channel_listings_field(ProductChannelListing, "availability")
    variants = graphene.List(
        graphene.NonNull(ProductVariant),
        description="List of variants for the product; shoppers see only those priced in the "
        "channel.",
    )
    product_variants = graphene.ConnectionField(
        ProductVariantCountableConnection,
        description="List of variants for the product; shoppers see only those priced in the "
        "channel.",
    )
    media = graphene.List(
        graphene.NonNull(ProductMedia), description="List of media for the product."
    )
    translation = graphene.Field(
        ProductTranslation,
        language_code=graphene.Argument(
            LanguageCodeEnum, required=True, description="A language code to return it for."
        ),
        description="Returns translated product fields for the given language code.",
    )
    producer = graphene.Field(
        Producer, required=True, description="The producer selling the product (OCOP)."
    )
    ocop = graphene.Field(
        ProductOcop, description="OCOP certification of the product; null when uncertified."
    )

    class Meta:
        interfaces = (graphene.relay.Node, ObjectWithAttributes)
        description = "Represents an individual item for sale in the storefront."

    @staticmethod
    def resolve_seo_title(root: models.Product, info: graphene.ResolveInfo) -> str | None:
        return root.seo_title or None

    @staticmethod
    def resolve_seo_description(root: models.Product, info: graphene.ResolveInfo) -> str | None:
        return root.seo_description or None

    @staticmethod
    def resolve_category(root: models.Product, info: graphene.ResolveInfo) -> Any:
        return root.category

    @staticmethod
    def resolve_created(root: models.Product, info: graphene.ResolveInfo) -> Any:
        return root.created_at

    @staticmethod
    def resolve_channel(root: models.Product, info: graphene.ResolveInfo) -> str | None:
        channel = channel_of(root)
        return None if channel is None else channel.slug

    @staticmethod
    def resolve_thumbnail(
        root: models.Product,
        info: graphene.ResolveInfo,
        size: int = DEFAULT_PRODUCT_THUMBNAIL_SIZE,
        format: Any = None,
    ) -> Image | None:
        media = loaders.MediaByProductIdLoader.for_request(info.context).load(root.pk)
        if not media:
            return None
        first = media[0]
        return Image(url=media_url(info, first, size, format), alt=first.alt or root.name)

    @staticmethod
    def resolve_pricing(
        root: models.Product, info: graphene.ResolveInfo, address: Any = None
    ) -> Any:
        channel_id = channel_id_of(root)
        if channel_id is None:
            return None
        loader = loaders.VariantListingsByProductIdLoader.for_request(info.context, channel_id)
        prices = [listing.price_amount for listing in loader.load(root.pk)]
        if not prices:
            return None
        price_range = TaxedMoneyRange(
            start=TaxedMoney.of(min(prices)), stop=TaxedMoney.of(max(prices))
        )
        return ProductPricingInfo(
            on_sale=False,
            discount=None,
            display_gross_prices=True,
            price_range=price_range,
            price_range_undiscounted=price_range,
        )

    @staticmethod
    def _listing(root: models.Product, info: graphene.ResolveInfo) -> Any:
        channel_id = channel_id_of(root)
        if channel_id is None:
            return None
        loader = loaders.ProductListingByProductIdLoader.for_request(info.context, channel_id)
        return loader.load(root.pk)

    @staticmethod
    def resolve_is_available_for_purchase(
        root: models.Product, info: graphene.ResolveInfo
    ) -> bool | None:
        listing = Product._listing(root, info)
        if listing is None:
            return None if channel_id_of(root) is None else False
        at = listing.available_for_purchase_at
        return at is not None and at <= timezone.now()

    @staticmethod
    def resolve_available_for_purchase_at(root: models.Product, info: graphene.ResolveInfo) -> Any:
        listing = Product._listing(root, info)
        return None if listing is None else listing.available_for_purchase_at

    @staticmethod
    def resolve_is_available(
        root: models.Product, info: graphene.ResolveInfo, address: Any = None
    ) -> bool | None:
        purchasable = Product.resolve_is_available_for_purchase(root, info)
        if not purchasable:
            return purchasable
        channel_id = channel_id_of(root)
        loader = loaders.VariantListingsByProductIdLoader.for_request(info.context, channel_id)
        return bool(loader.load(root.pk))

    @staticmethod
    def resolve_attributes(root: models.Product, info: graphene.ResolveInfo) -> Any:
        return as_selected(assigned_data(root, info))

    @staticmethod
    def resolve_attribute(root: models.Product, info: graphene.ResolveInfo, slug: str) -> Any:
        found = [item for item in assigned_data(root, info) if item.attribute.slug == slug]
        return as_selected(found)[0] if found else None

    @staticmethod
    def resolve_variant(
        root: models.Product,
        info: graphene.ResolveInfo,
        id: str | None = None,
        sku: str | None = None,
    ) -> Any:
        if bool(id) == bool(sku):
            raise GraphQLError("Argument 'id' or 'sku' must be specified.")
        variants = Product.resolve_variants(root, info)
        if id:
            pk = decode_id(id, "ProductVariant")
            return next((v for v in variants if str(v.pk) == pk), None)
        return next((v for v in variants if v.sku == sku), None)

    @staticmethod
    def resolve_media_by_id(root: models.Product, info: graphene.ResolveInfo, id: str) -> Any:
        pk = decode_id(id, "ProductMedia")
        media = loaders.MediaByProductIdLoader.for_request(info.context).load(root.pk)
        return next((item for item in media if str(item.pk) == pk), None)

    @staticmethod
    def resolve_weight(root: models.Product, info: graphene.ResolveInfo) -> Weight | None:
        return Weight.of_grams(root.weight_grams)

    @staticmethod
    def resolve_description_json(root: models.Product, info: graphene.ResolveInfo) -> Any:
        return root.description if root.description is not None else {}

    @staticmethod
    def resolve_available_for_purchase(root: models.Product, info: graphene.ResolveInfo) -> Any:
        # The date part as stored (UTC), like Saleor's Date of a datetime.
        return Product.resolve_available_for_purchase_at(root, info)

    @staticmethod
    def resolve_default_variant(root: models.Product, info: graphene.ResolveInfo) -> Any:
        channel = channel_of(root)
        loader = loaders.DefaultVariantByProductIdLoader.for_request(info.context, channel)
        variant = loader.load(root.pk)
        if variant is None:
            return None
        variant.product = root
        return with_channel([variant], channel)[0]

    @staticmethod
    def resolve_collections(root: models.Product, info: graphene.ResolveInfo) -> Any:
        channel = channel_of(root)
        loader = loaders.CollectionsByProductIdLoader.for_request(info.context, channel)
        return with_channel(list(loader.load(root.pk)), channel)

    @staticmethod
    def resolve_channel_listings(root: models.Product, info: graphene.ResolveInfo) -> Any:
        require_staff(info)
        return loaders.ProductListingsByProductIdLoader.for_request(info.context).load(root.pk)

    @staticmethod
    def resolve_variants(root: models.Product, info: graphene.ResolveInfo) -> Any:
        channel = channel_of(root)
        loader = loaders.VariantsByProductIdLoader.for_request(info.context, channel)
        variants = loader.load(root.pk)
        for variant in variants:
            variant.product = root
        return with_channel(list(variants), channel)

    @staticmethod
    def resolve_product_variants(
        root: models.Product, info: graphene.ResolveInfo, **args: Any
    ) -> Any:
        variants = variant_queryset_for_user(
            user=info.context.user, channel=channel_of(root)
        ).filter(product=root)
        connection = resolve_connection(
            ProductVariantCountableConnection,
            variants,
            args,
            sort_fields=["sort_order", "sku"],
            connection_name="productVariants",
        )
        nodes = [edge.node for edge in connection.edges]
        for node in nodes:
            node.product = root
        with_channel(nodes, channel_of(root))
        register(info.context, "variant", (node.pk for node in nodes))
        return connection

    @staticmethod
    def resolve_media(root: models.Product, info: graphene.ResolveInfo) -> Any:
        return loaders.MediaByProductIdLoader.for_request(info.context).load(root.pk)

    @staticmethod
    def resolve_translation(
        root: models.Product, info: graphene.ResolveInfo, language_code: Any
    ) -> Any:
        code = language_code_value(language_code)
        return loaders.ProductTranslationLoader.for_request(info.context, code).load(root.pk)

    @staticmethod
    def resolve_producer(root: models.Product, info: graphene.ResolveInfo) -> Any:
        return root.producer

    @staticmethod
    def resolve_ocop(root: models.Product, info: graphene.ResolveInfo) -> ProductOcop | None:
        register(info.context, "product", [root.pk])
        summary = loaders.OcopSummaryByProductIdLoader.for_request(info.context).load(root.pk)
        if summary is None:
            return None
        return ProductOcop(
            stars=summary.stars,
            certificate_number=summary.certificate_number,
            issuer=summary.issuing_body,
            valid_until=summary.valid_until,
            status=summary.status.upper(),
        )

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.Product)


class ProductCountableConnection(CountableConnection):
    class Meta:
        node = Product
        description = "A paginated list of products."


def prepare_products(info: graphene.ResolveInfo, products: list[Any], channel: Any) -> None:
    """Tag a page of products with their channel and pool their keys (and their product
    types' and categories') for the loaders."""
    with_channel(products, channel)
    register(info.context, "product", (product.pk for product in products))
    register(info.context, "product_type", (product.product_type_id for product in products))
    register(info.context, "category", (p.category_id for p in products if p.category_id))
