from __future__ import annotations

from typing import Any

import graphene

from backend.discounts.management_services import voucher_update
from backend.discounts.selectors import can_manage_vouchers
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.discounts.inputs import VoucherInput, voucher_changes, voucher_pk
from backend.graphql.discounts.types import DiscountError, Voucher, with_voucher_channel


class VoucherUpdate(BaseMutation):
    voucher = graphene.Field(Voucher, description="The updated voucher.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of a voucher to update.")
        input = VoucherInput(required=True, description="Fields required to update a voucher.")

    class Meta:
        description = (
            "Updates a voucher. Staff; producer members their own producer's vouchers (OCOP)."
        )
        error_type_class = DiscountError
        permission_check = staticmethod(can_manage_vouchers)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        voucher = voucher_update(
            actor=info.context.user,
            voucher_id=voucher_pk(data.get("id")),
            **voucher_changes(data["input"]),
        )
        return cls.success(voucher=with_voucher_channel([voucher], info, None)[0])
