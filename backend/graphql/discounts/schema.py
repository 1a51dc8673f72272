"""Voucher queries and mutations, with Saleor's names. Staff manage every voucher; a
producer's members manage their producer's vouchers (OCOP); everyone else is refused."""

from __future__ import annotations

from typing import Any

import graphene

from backend.channels.models import Channel
from backend.channels.selectors import channel_get_by_slug
from backend.core.errors import DomainError, NotFound, PermissionDenied
from backend.discounts import models
from backend.discounts.selectors import voucher_get_for_user, voucher_list_for_user
from backend.graphql.channels.types import as_graphql_error
from backend.graphql.core.connection import connection_args, resolve_connection
from backend.graphql.core.errors import PermissionDeniedError
from backend.graphql.core.ids import decode_id
from backend.graphql.discounts.filters import VoucherFilterInput, filter_vouchers
from backend.graphql.discounts.mutations.voucher_bulk_delete import VoucherBulkDelete
from backend.graphql.discounts.mutations.voucher_channel_listing_update import (
    VoucherChannelListingUpdate,
)
from backend.graphql.discounts.mutations.voucher_create import VoucherCreate
from backend.graphql.discounts.mutations.voucher_delete import VoucherDelete
from backend.graphql.discounts.mutations.voucher_update import VoucherUpdate
from backend.graphql.discounts.sorters import VoucherSortingInput, sort_vouchers
from backend.graphql.discounts.types import (
    Voucher,
    VoucherCountableConnection,
    with_voucher_channel,
)

CHANNEL_ARGUMENT = "Slug of a channel for which the data should be returned."


def _query_channel(slug: str | None) -> Channel | None:
    """The channel the values are shown for: none unless named (vouchers are not
    catalogue reads, so there is no default channel); unknown slugs are top-level errors."""
    if slug is None:
        return None
    try:
        return channel_get_by_slug(slug=slug)
    except DomainError as exc:
        raise as_graphql_error(exc) from exc


class DiscountQueries(graphene.ObjectType):
    voucher = graphene.Field(
        Voucher,
        id=graphene.Argument(graphene.ID, required=True, description="ID of the voucher."),
        channel=graphene.String(description=CHANNEL_ARGUMENT),
        description="Look up a voucher by ID. Staff; producer members see their own "
        "producer's vouchers (OCOP), null for any other.",
    )
    vouchers = graphene.Field(
        VoucherCountableConnection,
        filter=VoucherFilterInput(description="Filtering options for vouchers."),
        sort_by=VoucherSortingInput(description="Sort voucher."),
        query=graphene.String(
            description="Search vouchers by name or code.",
            deprecation_reason="Use `filter.search` input instead.",
        ),
        channel=graphene.String(description=CHANNEL_ARGUMENT),
        **connection_args(),
        description="List of the shop's vouchers, by code unless sorted. Staff see all; "
        "producer members their own producers' vouchers (OCOP).",
    )

    @staticmethod
    def resolve_voucher(
        root: Any, info: graphene.ResolveInfo, id: str, channel: str | None = None
    ) -> models.Voucher | None:
        pk = decode_id(id, "Voucher")
        try:
            voucher = voucher_get_for_user(actor=info.context.user, voucher_id=int(pk))
        except PermissionDenied as exc:
            raise PermissionDeniedError() from exc
        except (NotFound, ValueError):
            return None
        return with_voucher_channel([voucher], info, _query_channel(channel))[0]

    @staticmethod
    def resolve_vouchers(root: Any, info: graphene.ResolveInfo, **args: Any) -> Any:
        try:
            vouchers = voucher_list_for_user(actor=info.context.user)
        except PermissionDenied as exc:
            raise PermissionDeniedError() from exc
        channel = _query_channel(args.get("channel"))
        vouchers = filter_vouchers(vouchers, args.get("filter"), query=args.get("query"))
        vouchers, sort_fields, descending = sort_vouchers(vouchers, args.get("sort_by"))
        connection = resolve_connection(
            VoucherCountableConnection,
            vouchers,
            args,
            sort_fields=sort_fields,
            descending=descending,
            connection_name="vouchers",
        )
        with_voucher_channel((edge.node for edge in connection.edges), info, channel)
        return connection


class DiscountMutations(graphene.ObjectType):
    voucher_create = VoucherCreate.Field()
    voucher_update = VoucherUpdate.Field()
    voucher_delete = VoucherDelete.Field()
    voucher_bulk_delete = VoucherBulkDelete.Field()
    voucher_channel_listing_update = VoucherChannelListingUpdate.Field()
