from __future__ import annotations

from typing import Any

import graphene

from backend.discounts.management_services import voucher_create
from backend.discounts.selectors import can_manage_vouchers
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.discounts.inputs import VoucherInput, voucher_changes
from backend.graphql.discounts.types import DiscountError, Voucher, with_voucher_channel


class VoucherCreate(BaseMutation):
    voucher = graphene.Field(Voucher, description="The created voucher.")

    class Arguments:
        input = VoucherInput(required=True, description="Fields required to create a voucher.")

    class Meta:
        description = (
            "Creates a new voucher. Staff; producer members create vouchers of their own "
            "producer only (OCOP)."
        )
        error_type_class = DiscountError
        permission_check = staticmethod(can_manage_vouchers)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        changes = voucher_changes(data["input"])
        value = changes.pop("value", None)
        voucher = voucher_create(actor=info.context.user, value=value, **changes)
        return cls.success(voucher=with_voucher_channel([voucher], info, None)[0])
