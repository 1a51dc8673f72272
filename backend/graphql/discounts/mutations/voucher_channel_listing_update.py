from __future__ import annotations

from typing import Any

import graphene

from backend.discounts.management_services import voucher_channel_listing_update
from backend.discounts.selectors import can_manage_vouchers
from backend.graphql.core.ids import pk_from_global_id
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.discounts.inputs import voucher_pk
from backend.graphql.discounts.types import DiscountError, Voucher, with_voucher_channel
from backend.graphql.payments.scalars import PositiveDecimal


class VoucherChannelListingAddInput(graphene.InputObjectType):
    channel_id = graphene.ID(required=True, description="ID of a channel.")
    discount_value = PositiveDecimal(
        description="Value of the voucher; one value for every channel, so all added "
        "channels must agree (OCOP)."
    )
    min_amount_spent = PositiveDecimal(
        description="Min purchase amount required to apply the voucher; one for every channel."
    )

    class Meta:
        description = "A channel to make the voucher usable in."


class VoucherChannelListingInput(graphene.InputObjectType):
    add_channels = graphene.List(
        graphene.NonNull(VoucherChannelListingAddInput),
        description="List of channels to which the voucher should be assigned.",
    )
    remove_channels = graphene.List(
        graphene.NonNull(graphene.ID),
        description="List of channels from which the voucher should be unassigned (not the "
        "last one: a voucher without channels is usable in every channel).",
    )

    class Meta:
        description = "Channels to add the voucher to or remove it from."


def _channel_pk(global_id: str, field: str) -> int:
    return pk_from_global_id(global_id, type_name="Channel", field=field)


class VoucherChannelListingUpdate(BaseMutation):
    voucher = graphene.Field(Voucher, description="An updated voucher instance.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of a voucher to update.")
        input = VoucherChannelListingInput(
            required=True, description="Fields required to update voucher channel listings."
        )

    class Meta:
        description = (
            "Manage voucher's availability in channels. Staff; producer members their own "
            "producer's vouchers (OCOP)."
        )
        error_type_class = DiscountError
        permission_check = staticmethod(can_manage_vouchers)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        fields = data["input"]
        additions = [
            {
                "channel_id": _channel_pk(item["channel_id"], "addChannels"),
                "discount_value": item.get("discount_value"),
                "min_amount_spent": item.get("min_amount_spent"),
            }
            for item in fields.get("add_channels") or ()
        ]
        removals = [
            _channel_pk(global_id, "removeChannels")
            for global_id in fields.get("remove_channels") or ()
        ]
        voucher = voucher_channel_listing_update(
            actor=info.context.user,
            voucher_id=voucher_pk(data.get("id")),
            add_channels=additions,
            remove_channel_ids=removals,
        )
        return cls.success(voucher=with_voucher_channel([voucher], info, None)[0])
