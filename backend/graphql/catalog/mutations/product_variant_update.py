from __future__ import annotations

from typing import Any

import graphene

from backend.catalog import services
from backend.catalog.access import can_write_catalogue
from backend.graphql.catalog.mutations.common import (
    ProductError,
    ProductVariantInput,
    to_pk,
    variant_data,
)
from backend.graphql.catalog.types.variants import ProductVariant
from backend.graphql.core.mutations import BaseMutation


def variant_lookup(data: dict[str, Any]) -> dict[str, Any]:
    """Saleor's ``id`` or ``sku`` argument pair, as the services take it."""
    if data.get("id") is not None:
        return {"variant_id": to_pk(data["id"], "ProductVariant", "id")}
    return {"sku": data.get("sku") or ""}


class ProductVariantUpdate(BaseMutation):
    product_variant = graphene.Field(ProductVariant, description="The updated variant.")

    class Arguments:
        id = graphene.ID(description="ID of a product variant to update.")
        sku = graphene.String(description="SKU of a product variant to update.")
        input = ProductVariantInput(
            required=True, description="Fields required to update a product variant."
        )

    class Meta:
        description = "Updates a product variant. Members of the product's producer and staff."
        error_type_class = ProductError
        permission_check = staticmethod(can_write_catalogue)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        variant = services.product_variant_update(
            actor=info.context.user, data=variant_data(data["input"]), **variant_lookup(data)
        )
        return cls.success(product_variant=variant)
