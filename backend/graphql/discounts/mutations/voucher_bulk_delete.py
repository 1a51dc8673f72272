from __future__ import annotations

from typing import Any

import graphene

from backend.discounts.management_services import voucher_bulk_delete
from backend.discounts.selectors import can_manage_vouchers
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.discounts.inputs import voucher_pk
from backend.graphql.discounts.types import DiscountError


class VoucherBulkDelete(BaseMutation):
    count = graphene.Int(required=True, description="Returns how many objects were affected.")

    class Arguments:
        ids = graphene.List(
            graphene.NonNull(graphene.ID),
            required=True,
            description="List of voucher IDs to delete.",
        )

    class Meta:
        description = (
            "Deletes vouchers: all of them, or none when one is not found. Staff; producer "
            "members their own producer's vouchers (OCOP)."
        )
        error_type_class = DiscountError
        permission_check = staticmethod(can_manage_vouchers)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        ids = [voucher_pk(global_id, field="ids") for global_id in data["ids"]]
        count = voucher_bulk_delete(actor=info.context.user, voucher_ids=ids)
        return cls.success(count=count)

    @classmethod
    def error_payload(cls, errors: list[dict[str, Any]]) -> Any:
        payload = super().error_payload(errors)
        payload.count = 0
        return payload
