"""The Voucher type in Saleor's shape, read from our one-value voucher.

Saleor keeps a value and a minimum spend per channel; OCOP Market's voucher has one of each
for every channel it is in (no channels: every channel). ``channelListings`` shows them per
channel, and ``discountValue``/``currency``/``minSpent`` are null when the query's channel
is one the voucher is not usable in.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import graphene

from backend.channels.models import Channel as ChannelModel
from backend.core.money import CURRENCY
from backend.discounts import models
from backend.discounts.selectors import voucher_available_in
from backend.graphql.channels.types import Channel
from backend.graphql.core.connection import CountableConnection
from backend.graphql.core.dataloaders import register
from backend.graphql.core.errors import make_error_type
from backend.graphql.core.metadata import ObjectWithPublicMetadata
from backend.graphql.core.types import Money
from backend.graphql.discounts.dataloaders import ChannelRowsByVoucherIdLoader
from backend.graphql.discounts.enums import (
    DiscountErrorCode,
    DiscountValueTypeEnum,
    VoucherTypeEnum,
)
from backend.graphql.producers.types import Producer

DiscountError = make_error_type("DiscountError", DiscountErrorCode)

_CHANNEL = "_ocop_voucher_channel"


def with_voucher_channel(
    vouchers: Iterable[models.Voucher], info: graphene.ResolveInfo, channel: ChannelModel | None
) -> list[models.Voucher]:
    """Remember the channel the vouchers are read in (Saleor's ChannelContext) and pool
    their pks for the loaders."""
    vouchers = list(vouchers)
    for voucher in vouchers:
        setattr(voucher, _CHANNEL, channel)
    register(info.context, "voucher", (voucher.pk for voucher in vouchers))
    return vouchers


def _channel_rows(root: models.Voucher, info: graphene.ResolveInfo) -> list[Any]:
    return ChannelRowsByVoucherIdLoader.for_request(info.context).load(root.pk)


def _usable_in_query_channel(root: models.Voucher, info: graphene.ResolveInfo) -> bool:
    return voucher_available_in(_channel_rows(root, info), getattr(root, _CHANNEL, None))


class VoucherChannelListing(graphene.ObjectType):
    """Represents voucher channel listing."""

    channel = graphene.Field(
        Channel, required=True, description="The channel in which voucher can be applied."
    )
    discount_value = graphene.Float(
        required=True,
        description="The value of the discount on voucher in a channel (the same in every "
        "channel here).",
    )
    currency = graphene.String(required=True, description="Currency code for voucher in a channel.")
    min_spent = graphene.Field(
        Money, description="Minimum order value for voucher to apply in channel."
    )

    class Meta:
        interfaces = (graphene.relay.Node,)

    @staticmethod
    def resolve_discount_value(root: Any, info: graphene.ResolveInfo) -> int:
        return int(root.voucher.value)

    @staticmethod
    def resolve_currency(root: Any, info: graphene.ResolveInfo) -> str:
        return CURRENCY

    @staticmethod
    def resolve_min_spent(root: Any, info: graphene.ResolveInfo) -> Money:
        return Money.of(root.voucher.min_spend_amount)

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.Voucher.channels.through)


class Voucher(ObjectWithPublicMetadata):
    """A promo code shoppers enter at checkout: whole đồng or a percentage off the order
    (or, for a producer's voucher, off that producer's lines)."""

    name = graphene.String(description="The name of the voucher.")
    code = graphene.String(description="The code shoppers enter (unique, case ignored).")
    usage_limit = graphene.Int(
        description="The number of times a voucher can be used; null means no limit."
    )
    used = graphene.Int(
        required=True, description="Usage count of the voucher (placed, not cancelled orders)."
    )
    start_date = graphene.DateTime(required=True, description="The start date and time of voucher.")
    end_date = graphene.DateTime(description="The end date and time of voucher.")
    apply_once_per_order = graphene.Boolean(
        required=True, description="Always false: the discount is on the order (not supported)."
    )
    apply_once_per_customer = graphene.Boolean(
        required=True,
        description="Whether a customer (account or email) may use the voucher only once.",
    )
    single_use = graphene.Boolean(
        required=True, description="Always false: codes are reusable (not supported)."
    )
    only_for_staff = graphene.Boolean(
        required=True, description="Always false: anyone may use it (not supported)."
    )
    min_checkout_items_quantity = graphene.Int(
        description="Always 0: no minimum number of items (not supported)."
    )
    discount_value_type = graphene.Field(
        DiscountValueTypeEnum,
        required=True,
        description="Determines a type of discount for voucher - value or percentage",
    )
    discount_value = graphene.Float(
        description="Voucher value: whole đồng (FIXED) or percent (PERCENTAGE); null when "
        "the voucher is not usable in the query's channel."
    )
    currency = graphene.String(
        description="Currency code for voucher (VND); null when the voucher is not usable in "
        "the query's channel."
    )
    min_spent = graphene.Field(
        Money,
        description="Minimum order value to apply the voucher (of its producer's lines for a "
        "producer's voucher); null when the voucher is not usable in the query's channel.",
    )
    type = graphene.Field(
        VoucherTypeEnum,
        required=True,
        description="Determines a type of voucher (always ENTIRE_ORDER here).",
    )
    channel_listings = graphene.List(
        graphene.NonNull(VoucherChannelListing),
        description="List of availability in channels for the voucher; empty means every channel.",
    )
    producer = graphene.Field(
        Producer,
        description="The producer whose products alone the voucher applies to (and who bears "
        "its discount); null for a platform voucher (OCOP).",
    )
    is_active = graphene.Boolean(
        required=True,
        description="Whether the voucher may be used; checkout refuses inactive ones (OCOP).",
    )

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = (
            "Vouchers allow giving discounts to particular customers on the order. They can "
            "be used during checkout by providing valid voucher codes."
        )

    @staticmethod
    def resolve_name(root: models.Voucher, info: graphene.ResolveInfo) -> str | None:
        return root.name or None

    @staticmethod
    def resolve_start_date(root: models.Voucher, info: graphene.ResolveInfo) -> Any:
        return root.starts_at or root.created_at

    @staticmethod
    def resolve_end_date(root: models.Voucher, info: graphene.ResolveInfo) -> Any:
        return root.ends_at

    @staticmethod
    def resolve_apply_once_per_order(root: models.Voucher, info: graphene.ResolveInfo) -> bool:
        return False

    @staticmethod
    def resolve_single_use(root: models.Voucher, info: graphene.ResolveInfo) -> bool:
        return False

    @staticmethod
    def resolve_only_for_staff(root: models.Voucher, info: graphene.ResolveInfo) -> bool:
        return False

    @staticmethod
    def resolve_min_checkout_items_quantity(
        root: models.Voucher, info: graphene.ResolveInfo
    ) -> int:
        return 0

    @staticmethod
    def resolve_discount_value_type(root: models.Voucher, info: graphene.ResolveInfo) -> str:
        return str(root.value_type)

    @staticmethod
    def resolve_discount_value(root: models.Voucher, info: graphene.ResolveInfo) -> int | None:
        return int(root.value) if _usable_in_query_channel(root, info) else None

    @staticmethod
    def resolve_currency(root: models.Voucher, info: graphene.ResolveInfo) -> str | None:
        return CURRENCY if _usable_in_query_channel(root, info) else None

    @staticmethod
    def resolve_min_spent(root: models.Voucher, info: graphene.ResolveInfo) -> Money | None:
        if not _usable_in_query_channel(root, info):
            return None
        return Money.of(root.min_spend_amount)

    @staticmethod
    def resolve_type(root: models.Voucher, info: graphene.ResolveInfo) -> str:
        return "entire_order"

    @staticmethod
    def resolve_channel_listings(root: models.Voucher, info: graphene.ResolveInfo) -> list[Any]:
        rows = _channel_rows(root, info)
        for row in rows:
            row.voucher = root  # the listing reads the value from the voucher in hand
        return rows

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.Voucher)


class VoucherCountableConnection(CountableConnection):
    class Meta:
        node = Voucher
        description = "A page of vouchers."
