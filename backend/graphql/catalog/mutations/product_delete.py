from __future__ import annotations

from typing import Any

import graphene

from backend.catalog import services
from backend.catalog.access import can_write_catalogue
from backend.graphql.catalog.mutations.common import ProductError, to_pk
from backend.graphql.catalog.types.products import Product
from backend.graphql.core.mutations import BaseMutation


class ProductDelete(BaseMutation):
    product = graphene.Field(Product, description="The deleted product.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of a product to delete.")

    class Meta:
        description = "Deletes a product and its variants. Members of its producer and staff."
        error_type_class = ProductError
        permission_check = staticmethod(can_write_catalogue)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        product = services.product_delete(
            actor=info.context.user, product_id=to_pk(data["id"], "Product", "id")
        )
        return cls.success(product=product)
