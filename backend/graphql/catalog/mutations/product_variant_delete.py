from __future__ import annotations

from typing import Any

import graphene

from backend.catalog import services
from backend.catalog.access import can_write_catalogue
from backend.graphql.catalog.mutations.common import ProductError
from backend.graphql.catalog.mutations.product_variant_update import variant_lookup
from backend.graphql.catalog.types.variants import ProductVariant
from backend.graphql.core.mutations import BaseMutation


class ProductVariantDelete(BaseMutation):
    product_variant = graphene.Field(ProductVariant, description="The deleted variant.")

    class Arguments:
        id = graphene.ID(description="ID of a product variant to delete.")
        sku = graphene.String(description="SKU of a product variant to delete.")

    class Meta:
        description = "Deletes a product variant. Members of the product's producer and staff."
        error_type_class = ProductError
        permission_check = staticmethod(can_write_catalogue)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        variant = services.product_variant_delete(actor=info.context.user, **variant_lookup(data))
        return cls.success(product_variant=variant)
