from __future__ import annotations

import graphene
from graphene import relay
from graphene_django import DjangoObjectType

from backend.graphql.core.errors import make_error_type
from backend.graphql.webhooks.enums import (
    WebhookErrorCode,
    WebhookEventTypeAsyncEnum,
    WebhookEventTypeEnum,
)
from backend.webhooks.event_types import WebhookEventType
from backend.webhooks.models import Webhook as WebhookModel

WebhookError = make_error_type("WebhookError", WebhookErrorCode)


class WebhookEventAsync(graphene.ObjectType):
    name = graphene.String(required=True, description="Display name of the event.")
    event_type = graphene.Field(
        WebhookEventTypeAsyncEnum, required=True, description="The event type."
    )

    class Meta:
        description = "An asynchronous event a webhook is subscribed to."


class WebhookEvent(graphene.ObjectType):
    name = graphene.String(required=True, description="Display name of the event.")
    event_type = graphene.Field(WebhookEventTypeEnum, required=True, description="The event type.")

    class Meta:
        description = "An event a webhook is subscribed to (deprecated shape)."


def _labels(events: list[str]) -> list[tuple[str, str]]:
    return [(str(WebhookEventType(value).label), value) for value in events]


class Webhook(DjangoObjectType):
    name = graphene.String(required=True, description="The webhook's name.")
    target_url = graphene.String(required=True, description="Where events are POSTed.")
    is_active = graphene.Boolean(required=True, description="Whether events are sent.")
    secret_key = graphene.String(
        description="The key events are signed with (HMAC-SHA256 in Saleor-Signature)."
    )
    async_events = graphene.List(
        graphene.NonNull(WebhookEventAsync),
        required=True,
        description="The asynchronous events this webhook is subscribed to.",
    )
    events = graphene.List(
        graphene.NonNull(WebhookEvent),
        required=True,
        description="The events this webhook is subscribed to.",
        deprecation_reason="Use asyncEvents.",
    )

    class Meta:
        model = WebhookModel
        interfaces = (relay.Node,)
        fields = ("id", "name", "target_url", "is_active", "secret_key")
        description = "An outbound webhook: events POSTed to a target URL, signed."

    @staticmethod
    def resolve_async_events(root: WebhookModel, info: graphene.ResolveInfo) -> list[object]:
        return [WebhookEventAsync(name=n, event_type=v) for n, v in _labels(root.events)]

    @staticmethod
    def resolve_events(root: WebhookModel, info: graphene.ResolveInfo) -> list[object]:
        return [WebhookEvent(name=n, event_type=v) for n, v in _labels(root.events)]
