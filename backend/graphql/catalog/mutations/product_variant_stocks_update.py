from __future__ import annotations

from typing import Any

import graphene

from backend.catalog import services
from backend.catalog.access import can_write_catalogue
from backend.graphql.catalog.mutations.common import BulkStockError, StockInput, stocks_data, to_pk
from backend.graphql.catalog.types.variants import ProductVariant
from backend.graphql.core.errors import normalise_code
from backend.graphql.core.mutations import BaseMutation


class ProductVariantStocksUpdate(BaseMutation):
    product_variant = graphene.Field(ProductVariant, description="The updated variant.")

    class Arguments:
        variant_id = graphene.ID(description="ID of a product variant to update.")
        sku = graphene.String(description="SKU of a product variant to update.")
        stocks = graphene.List(
            graphene.NonNull(StockInput),
            required=True,
            description="Quantities per warehouse (warehouses of the variant's producer).",
        )

    class Meta:
        description = (
            "Sets the stock of a variant in its producer's warehouses; another producer's "
            "warehouse is NOT_FOUND. Members of the producer and staff."
        )
        error_type_class = BulkStockError
        permission_check = staticmethod(can_write_catalogue)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        lookup: dict[str, Any] = (
            {"variant_id": to_pk(data["variant_id"], "ProductVariant", "variantId")}
            if data.get("variant_id") is not None
            else {"sku": data.get("sku") or ""}
        )
        variant = services.product_variant_stocks_update(
            actor=info.context.user, stocks=stocks_data(data["stocks"]), **lookup
        )
        return cls.success(product_variant=variant)

    @classmethod
    def error_payload(cls, errors: list[dict[str, Any]]) -> Any:
        enum = BulkStockError._meta.fields["code"].type.of_type._meta.enum
        return cls(
            errors=[
                BulkStockError(
                    field=item["field"],
                    message=item["message"],
                    code=normalise_code(item["code"], enum),
                    index=(item.get("params") or {}).get("index"),
                )
                for item in errors
            ]
        )
