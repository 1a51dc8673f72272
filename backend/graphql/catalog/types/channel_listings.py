"""Channel listing types (staff only: Saleor asks MANAGE_PRODUCTS for them)."""

from __future__ import annotations

from typing import Any

import graphene
from django.utils import timezone

from backend.accounts.roles import is_staff
from backend.catalog import models
from backend.catalog.selectors import listing_costs, variant_margin
from backend.graphql.catalog import dataloaders as loaders
from backend.graphql.channels.types import Channel
from backend.graphql.core.errors import PermissionDeniedError
from backend.graphql.core.types import Money, MoneyRange


def require_staff(info: graphene.ResolveInfo) -> None:
    """A top-level PermissionDenied error for anyone but staff (Saleor's MANAGE_PRODUCTS)."""
    if not is_staff(info.context.user):
        raise PermissionDeniedError()


def _money(amount: int | None) -> Money | None:
    return None if amount is None else Money.of(amount)


class Margin(graphene.ObjectType):
    start = graphene.Int(description="The starting value of the margin.")
    stop = graphene.Int(description="The ending value of the margin.")


class _Publication(graphene.ObjectType):
    """What product and collection listings share: where and when they are published."""

    publication_date = graphene.Date(
        deprecation_reason="Use the `publishedAt` field to fetch the publication date."
    )
    published_at = graphene.DateTime(description="The publication date time.")
    is_published = graphene.Boolean(
        required=True, description="Indicates if it is published in the channel."
    )
    channel = graphene.Field(Channel, required=True, description="The channel of the listing.")

    class Meta:
        abstract = True

    @staticmethod
    def resolve_publication_date(root: Any, info: Any) -> Any:
        # The date part as stored (UTC), like Saleor's Date of a datetime.
        return root.published_at


class ProductChannelListing(_Publication):
    """Represents product channel listing."""

    visible_in_listings = graphene.Boolean(
        required=True, description="Indicates product visibility in the channel listings."
    )
    available_for_purchase = graphene.Date(
        deprecation_reason="Use the `availableForPurchaseAt` field to fetch the date."
    )
    available_for_purchase_at = graphene.DateTime(
        description="The product available for purchase date time."
    )
    discounted_price = graphene.Field(
        Money, description="The price of the cheapest variant (including discounts)."
    )
    purchase_cost = graphene.Field(MoneyRange, description="Purchase cost of product.")
    margin = graphene.Field(Margin, description="Range of margin percentage value.")
    is_available_for_purchase = graphene.Boolean(
        description="Whether the product can be bought in this channel now (stock aside)."
    )

    class Meta:
        interfaces = (graphene.relay.Node,)

    @staticmethod
    def resolve_available_for_purchase(root: models.ProductChannelListing, info: Any) -> Any:
        return root.available_for_purchase_at

    @staticmethod
    def resolve_discounted_price(root: models.ProductChannelListing, info: Any) -> Any:
        return _money(root.discounted_price_amount)

    @staticmethod
    def _costs(root: models.ProductChannelListing, info: graphene.ResolveInfo) -> Any:
        loader = loaders.VariantListingsByProductIdLoader.for_request(info.context, root.channel_id)
        listings = loader.load(root.product_id)
        return None if not listings else listing_costs(listings)

    @staticmethod
    def resolve_purchase_cost(root: models.ProductChannelListing, info: Any) -> Any:
        costs = ProductChannelListing._costs(root, info)
        if costs is None:
            return None
        return MoneyRange(start=Money.of(costs.cost_start), stop=Money.of(costs.cost_stop))

    @staticmethod
    def resolve_margin(root: models.ProductChannelListing, info: Any) -> Any:
        costs = ProductChannelListing._costs(root, info)
        return None if costs is None else Margin(start=costs.margin_start, stop=costs.margin_stop)

    @staticmethod
    def resolve_is_available_for_purchase(root: models.ProductChannelListing, info: Any) -> bool:
        at = root.available_for_purchase_at
        return at is not None and at <= timezone.now()

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.ProductChannelListing)


class ProductVariantChannelListing(graphene.ObjectType):
    """Represents product variant channel listing."""

    channel = graphene.Field(
        Channel, required=True, description="The channel to which the variant listing belongs."
    )
    price = graphene.Field(Money, description="The price of the variant.")
    cost_price = graphene.Field(Money, description="Cost price of the variant.")
    margin = graphene.Int(description="Gross margin percentage value.")

    class Meta:
        interfaces = (graphene.relay.Node,)

    @staticmethod
    def resolve_price(root: models.ProductVariantChannelListing, info: Any) -> Any:
        return _money(root.price_amount)

    @staticmethod
    def resolve_cost_price(root: models.ProductVariantChannelListing, info: Any) -> Any:
        return _money(root.cost_price_amount)

    @staticmethod
    def resolve_margin(root: models.ProductVariantChannelListing, info: Any) -> int | None:
        return variant_margin(root.price_amount, root.cost_price_amount)

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.ProductVariantChannelListing)


class CollectionChannelListing(_Publication):
    """Represents collection channel listing."""

    class Meta:
        interfaces = (graphene.relay.Node,)

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.CollectionChannelListing)


def channel_listings_field(listing_type: type[graphene.ObjectType], what: str) -> graphene.List:
    return graphene.List(
        graphene.NonNull(listing_type),
        description=f"List of {what} in channels. Staff only (Saleor: MANAGE_PRODUCTS).",
    )
