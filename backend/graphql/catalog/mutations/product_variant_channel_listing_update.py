from __future__ import annotations

from typing import Any

import graphene

from backend.catalog import services
from backend.catalog.access import can_write_catalogue
from backend.graphql.catalog.mutations.common import ProductChannelListingError, to_pk
from backend.graphql.catalog.mutations.product_variant_update import variant_lookup
from backend.graphql.catalog.types.variants import ProductVariant
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.payments.scalars import PositiveDecimal


class ProductVariantChannelListingAddInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True, description="ID of a channel.")
    price = graphene.Field(
        PositiveDecimal, required=True, description="Price in whole đồng, greater than 0."
    )
    cost_price = graphene.Field(PositiveDecimal, description="Cost price in whole đồng.")

    class Meta:
        description = "A variant's price in one channel."


class ProductVariantChannelListingUpdate(BaseMutation):
    variant = graphene.Field(ProductVariant, description="The updated variant.")

    class Arguments:
        id = graphene.ID(description="ID of a product variant to update.")
        sku = graphene.String(description="SKU of a product variant to update.")
        input = graphene.List(
            graphene.NonNull(ProductVariantChannelListingAddInput),
            required=True,
            description="Prices per channel.",
        )

    class Meta:
        description = (
            "Sets a variant's price per channel (integer VND > 0; the product must be in the "
            "channel). Members of the product's producer and staff."
        )
        error_type_class = ProductChannelListingError
        permission_check = staticmethod(can_write_catalogue)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        variant = services.product_variant_channel_listing_update(
            actor=info.context.user,
            listings=[
                {
                    "channel_id": to_pk(item["channel_id"], "Channel", "channelId"),
                    "price": item["price"],
                    "cost_price": item.get("cost_price"),
                }
                for item in data["input"]
            ],
            **variant_lookup(data),
        )
        return cls.success(variant=variant)
