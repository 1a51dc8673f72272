from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import ValidationError

from backend.catalog import services
from backend.catalog.access import can_write_catalogue
from backend.graphql.catalog.mutations.common import (
    ProductCreateInput,
    ProductError,
    product_data,
    to_pk,
)
from backend.graphql.catalog.types.products import Product
from backend.graphql.core.mutations import BaseMutation
from producers.selectors import managed_producer_ids


def _producer_id(user: Any, global_id: str | None) -> int:
    if global_id is not None:
        return to_pk(global_id, "Producer", "producer")
    ids = managed_producer_ids(user)
    if ids is not None and len(ids) == 1:
        return next(iter(ids))
    raise ValidationError(
        {"producer": ValidationError("Hãy chọn chủ thể bán sản phẩm.", code="required")}
    )


class ProductCreate(BaseMutation):
    product = graphene.Field(Product, description="The created product.")

    class Arguments:
        input = ProductCreateInput(
            required=True, description="Fields required to create a product."
        )

    class Meta:
        description = (
            "Creates a new, unlisted product. Members of the producer and staff; another "
            "producer is answered as not found."
        )
        error_type_class = ProductError
        permission_check = staticmethod(can_write_catalogue)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        input_data = data["input"]
        user = info.context.user
        product = services.product_create(
            actor=user,
            producer_id=_producer_id(user, input_data.get("producer")),
            product_type_id=to_pk(input_data["product_type"], "ProductType", "productType"),
            data=product_data(input_data),
        )
        return cls.success(product=product)
