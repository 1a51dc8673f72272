from __future__ import annotations

from typing import Any

import graphene

from backend.catalog import services
from backend.catalog.access import can_write_catalogue
from backend.graphql.catalog.mutations.common import (
    ProductError,
    ProductVariantCreateInput,
    stocks_data,
    to_pk,
    variant_data,
)
from backend.graphql.catalog.types.variants import ProductVariant
from backend.graphql.core.mutations import BaseMutation


class ProductVariantCreate(BaseMutation):
    product_variant = graphene.Field(ProductVariant, description="The created variant.")

    class Arguments:
        input = ProductVariantCreateInput(
            required=True, description="Fields required to create a product variant."
        )

    class Meta:
        description = (
            "Creates a product variant, optionally with stock in the producer's warehouses. "
            "Members of the product's producer and staff."
        )
        error_type_class = ProductError
        permission_check = staticmethod(can_write_catalogue)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        input_data = data["input"]
        variant = services.product_variant_create(
            actor=info.context.user,
            product_id=to_pk(input_data["product"], "Product", "product"),
            data=variant_data(input_data),
            stocks=stocks_data(input_data.get("stocks") or []),
        )
        return cls.success(product_variant=variant)
