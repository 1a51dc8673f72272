from __future__ import annotations

from typing import Any

import graphene

from backend.catalog import services
from backend.catalog.access import can_write_catalogue
from backend.graphql.catalog.mutations.common import ProductError, ProductInput, product_data, to_pk
from backend.graphql.catalog.types.products import Product
from backend.graphql.core.mutations import BaseMutation


class ProductUpdate(BaseMutation):
    product = graphene.Field(Product, description="The updated product.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of a product to update.")
        input = ProductInput(required=True, description="Fields required to update a product.")

    class Meta:
        description = "Updates an existing product. Members of the product's producer and staff."
        error_type_class = ProductError
        permission_check = staticmethod(can_write_catalogue)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        product = services.product_update(
            actor=info.context.user,
            product_id=to_pk(data["id"], "Product", "id"),
            data=product_data(data["input"]),
        )
        return cls.success(product=product)
