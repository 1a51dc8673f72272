from __future__ import annotations

from typing import Any

import graphene
from django.utils import timezone

from backend.catalog import services
from backend.catalog.access import can_write_catalogue
from backend.graphql.catalog.mutations.common import ProductChannelListingError, to_pk
from backend.graphql.catalog.types.products import Product
from backend.graphql.core.mutations import BaseMutation


class ProductChannelListingAddInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True, description="ID of a channel.")
    is_published = graphene.Boolean(
        description="Whether the product is published (needs an approved producer)."
    )
    published_at = graphene.DateTime(description="When the product becomes published.")
    visible_in_listings = graphene.Boolean(description="Whether it is shown in listings.")
    is_available_for_purchase = graphene.Boolean(description="Whether it can be bought.")
    available_for_purchase_at = graphene.DateTime(description="When it can be bought from.")

    class Meta:
        description = "A product's listing in one channel."


class ProductChannelListingUpdateInput(graphene.InputObjectType):
    update_channels = graphene.List(
        graphene.NonNull(ProductChannelListingAddInput),
        description="Channels to add the product to or update.",
    )
    remove_channels = graphene.List(
        graphene.NonNull(graphene.ID), description="Channels to remove the product from."
    )

    class Meta:
        description = "Channel listings to change."


def _listing(item: dict[str, Any]) -> dict[str, Any]:
    listing: dict[str, Any] = {
        "channel_id": to_pk(item["channel_id"], "Channel", "channelId"),
        "is_published": item.get("is_published"),
        "published_at": item.get("published_at"),
        "visible_in_listings": item.get("visible_in_listings"),
        "available_for_purchase_at": item.get("available_for_purchase_at"),
    }
    available = item.get("is_available_for_purchase")
    if available is False:
        listing["available_for_purchase_at"] = None
        listing["clear_available_for_purchase"] = True
    elif available and listing["available_for_purchase_at"] is None:
        listing["available_for_purchase_at"] = timezone.now()
    return listing


class ProductChannelListingUpdate(BaseMutation):
    product = graphene.Field(Product, description="The updated product.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of a product to update.")
        input = ProductChannelListingUpdateInput(
            required=True, description="Fields required to update product channel listings."
        )

    class Meta:
        description = (
            "Publishes, unpublishes or lists a product per channel. Only products of APPROVED "
            "producers can be published. Members of the producer and staff."
        )
        error_type_class = ProductChannelListingError
        permission_check = staticmethod(can_write_catalogue)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        input_data = data["input"]
        product = services.product_channel_listing_update(
            actor=info.context.user,
            product_id=to_pk(data["id"], "Product", "id"),
            update_channels=[_listing(item) for item in input_data.get("update_channels") or []],
            remove_channel_ids=[
                to_pk(channel, "Channel", "removeChannels")
                for channel in input_data.get("remove_channels") or []
            ],
        )
        return cls.success(product=product)
