"""Inputs and helpers shared by the webhook mutations."""

from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import ValidationError
from graphql_relay import from_global_id

from backend.graphql.webhooks.enums import WebhookEventTypeAsyncEnum, WebhookEventTypeEnum
from backend.webhooks.error_codes import WebhookErrorCode


class WebhookInputFields:
    name = graphene.String(description="The webhook's name.")
    target_url = graphene.String(description="The URL events are POSTed to.")
    events = graphene.List(
        graphene.NonNull(WebhookEventTypeEnum),
        description="Events to subscribe to.",
        deprecation_reason="Use asyncEvents.",
    )
    async_events = graphene.List(
        graphene.NonNull(WebhookEventTypeAsyncEnum),
        description="Asynchronous events to subscribe to.",
    )
    is_active = graphene.Boolean(description="Whether events are sent.")
    secret_key = graphene.String(
        description="The key deliveries are signed with; generated when omitted.",
        deprecation_reason="Saleor signs with the app's key; kept for HMAC receivers.",
    )


class WebhookCreateInput(WebhookInputFields, graphene.InputObjectType):
    class Meta:
        description = "Fields of a new webhook."


class WebhookUpdateInput(WebhookInputFields, graphene.InputObjectType):
    class Meta:
        description = "Fields to change on a webhook; omitted fields stay as they are."


def event_values(data: dict[str, Any]) -> list[str] | None:
    """Merge ``events`` and ``asyncEvents`` (Saleor accepts both); None when neither given."""
    if data.get("events") is None and data.get("async_events") is None:
        return None
    merged = [*(data.get("events") or []), *(data.get("async_events") or [])]
    return [getattr(event, "value", event) for event in merged]


def webhook_pk(global_id: str | None) -> int:
    """The primary key inside a ``Webhook`` global ID; a malformed ID is a GRAPHQL_ERROR."""
    try:
        type_name, raw_pk = from_global_id(global_id or "")
        if type_name != "Webhook":
            raise ValueError(type_name)
        return int(raw_pk)
    except (ValueError, TypeError, UnicodeDecodeError) as exc:
        raise ValidationError(
            {
                "id": ValidationError(
                    "Couldn't resolve id: %(id)s.",
                    code=WebhookErrorCode.GRAPHQL_ERROR.value,
                    params={"id": global_id},
                )
            }
        ) from exc
