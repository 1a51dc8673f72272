"""VoucherInput and its translation into the voucher services' keyword arguments."""

from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from backend.discounts.error_codes import DiscountErrorCode
from backend.graphql.core.enums import enum_value
from backend.graphql.core.ids import pk_from_global_id
from backend.graphql.discounts.enums import DiscountValueTypeEnum, VoucherTypeEnum
from backend.graphql.payments.scalars import PositiveDecimal


class VoucherInput(graphene.InputObjectType):
    type = graphene.Field(
        VoucherTypeEnum, description="Voucher type: only ENTIRE_ORDER is supported."
    )
    name = graphene.String(description="Voucher name.")
    code = graphene.String(
        description="Code to use the voucher (at most 64 characters, no spaces; unique, case "
        "ignored). Empty or left out on create: a code is generated."
    )
    start_date = graphene.DateTime(
        description="Start date of the voucher in ISO 8601 format; now when left out on create."
    )
    end_date = graphene.DateTime(description="End date of the voucher in ISO 8601 format.")
    discount_value_type = graphene.Field(
        DiscountValueTypeEnum, description="Choices: fixed or percentage."
    )
    apply_once_per_customer = graphene.Boolean(
        description="Voucher should be applied once per customer."
    )
    usage_limit = graphene.Int(
        description="Limit number of times this voucher can be used in total (at least 1 and "
        "not below the uses so far; null: no limit)."
    )
    discount_value = PositiveDecimal(
        description="Value of the voucher: whole đồng (FIXED) or a percent 1-100 (PERCENTAGE); "
        "required on create. The same in every channel (OCOP)."
    )
    min_amount_spent = PositiveDecimal(
        description="Min purchase amount in whole đồng required to apply the voucher (of its "
        "producer's lines for a producer's voucher); the same in every channel (OCOP)."
    )
    channels = graphene.List(
        graphene.NonNull(graphene.ID),
        description="Channels the voucher is usable in; none (the default) means every channel "
        "(OCOP). voucherChannelListingUpdate changes them too.",
    )
    producer = graphene.ID(
        description="Producer whose products alone the voucher applies to, bearing its "
        "discount; null for a platform voucher (staff only). Producer members may leave it "
        "out when they belong to exactly one producer (OCOP)."
    )
    is_active = graphene.Boolean(
        description="Whether the voucher may be used (OCOP); true when left out on create."
    )

    class Meta:
        description = "Fields of a voucher; on update, fields left out stay as they are."


# VoucherInput field -> voucher service keyword argument.
_RENAMED = {
    "name": "name",
    "code": "code",
    "start_date": "starts_at",
    "end_date": "ends_at",
    "apply_once_per_customer": "apply_once_per_customer",
    "usage_limit": "usage_limit",
    "discount_value": "value",
    "min_amount_spent": "min_spend_amount",
    "is_active": "is_active",
}


def voucher_changes(data: dict[str, Any]) -> dict[str, Any]:
    """The fields given in a VoucherInput as service arguments (left-out fields absent).
    Malformed IDs are GRAPHQL_ERROR field errors; a type other than ENTIRE_ORDER is
    INVALID."""
    changes = {target: data[source] for source, target in _RENAMED.items() if source in data}
    if data.get("type") is not None and enum_value(data["type"]) != "entire_order":
        raise ValidationError(
            {
                "type": ValidationError(
                    _("Chỉ hỗ trợ mã khuyến mãi giảm trên đơn hàng (ENTIRE_ORDER)."),
                    code=DiscountErrorCode.INVALID.value,
                )
            }
        )
    if "discount_value_type" in data:
        value_type = data["discount_value_type"]
        changes["value_type"] = None if value_type is None else enum_value(value_type)
    if "channels" in data:
        changes["channel_ids"] = [
            pk_from_global_id(channel_id, type_name="Channel", field="channels")
            for channel_id in data["channels"] or ()
        ]
    if "producer" in data:
        producer = data["producer"]
        changes["producer_id"] = (
            None
            if producer is None
            else pk_from_global_id(producer, type_name="Producer", field="producer")
        )
    return changes


def voucher_pk(global_id: str | None, *, field: str = "id") -> int:
    return pk_from_global_id(global_id, type_name="Voucher", field=field)
