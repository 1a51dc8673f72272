"""The Channel type."""

from __future__ import annotations

from typing import Any

import graphene
from graphql import GraphQLError

from backend.channels import models
from backend.channels.selectors import channel_for_request
from backend.core.errors import DomainError
from backend.graphql.core.metadata import ObjectWithPublicMetadata
from backend.graphql.shop.schema import CountryDisplay


class Channel(ObjectWithPublicMetadata):
    """Represents a sales channel (OCOP Market sells in VND to Vietnam)."""

    slug = graphene.String(required=True, description="Slug of the channel.")
    name = graphene.String(required=True, description="Name of the channel.")
    is_active = graphene.Boolean(required=True, description="Whether the channel is active.")
    currency_code = graphene.String(required=True, description="Currency of the channel (VND).")
    default_country = graphene.Field(
        CountryDisplay, required=True, description="Default country of the channel (VN)."
    )

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "Represents a sales channel."

    @staticmethod
    def resolve_default_country(root: models.Channel, info: graphene.ResolveInfo) -> Any:
        return CountryDisplay(code=root.default_country, country="Việt Nam")

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.Channel)


def as_graphql_error(error: DomainError) -> GraphQLError:
    return GraphQLError(str(error.message), extensions={"exception": {"code": error.code}})


def request_channel(info: graphene.ResolveInfo, slug: str | None) -> models.Channel | None:
    """The channel a query reads (Saleor's default-channel rules), or a top-level error."""
    try:
        return channel_for_request(user=info.context.user, slug=slug)
    except DomainError as exc:
        raise as_graphql_error(exc) from exc
