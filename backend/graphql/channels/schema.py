from __future__ import annotations

import graphene

from backend.accounts.roles import is_staff
from backend.channels import models
from backend.channels.selectors import channel_get_by_slug, channel_list_for_user
from backend.core.errors import DomainError, PermissionDenied
from backend.graphql.channels.types import Channel, as_graphql_error
from backend.graphql.core.errors import PermissionDeniedError
from backend.graphql.core.ids import decode_id


class ChannelQueries(graphene.ObjectType):
    channel = graphene.Field(
        Channel,
        id=graphene.ID(description="ID of the channel."),
        slug=graphene.String(description="Slug of the channel."),
        description="Look up a channel by ID or slug. Inactive channels are staff only.",
    )
    channels = graphene.List(
        graphene.NonNull(Channel), description="List of all channels (staff only)."
    )

    @staticmethod
    def resolve_channel(
        root: object, info: graphene.ResolveInfo, id: str | None = None, slug: str | None = None
    ) -> models.Channel | None:
        if bool(id) == bool(slug):
            raise as_graphql_error(
                DomainError("GRAPHQL_ERROR", "Argument 'id' or 'slug' must be specified.")
            )
        if id:
            channel = models.Channel.objects.filter(
                pk=_int_or_none(decode_id(id, "Channel"))
            ).first()
        else:
            try:
                channel = channel_get_by_slug(slug=slug or "")
            except DomainError:
                channel = None
        if channel is not None and not channel.is_active and not is_staff(info.context.user):
            return None
        return channel

    @staticmethod
    def resolve_channels(root: object, info: graphene.ResolveInfo) -> list[models.Channel]:
        try:
            return channel_list_for_user(user=info.context.user)
        except PermissionDenied as exc:
            raise PermissionDeniedError() from exc


def _int_or_none(pk: str) -> int:
    """0 (no row) when the global ID's pk is not a number."""
    return int(pk) if pk.isdigit() else 0
