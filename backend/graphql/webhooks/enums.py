import graphene

from backend.webhooks.error_codes import WebhookErrorCode as WebhookErrorCodeValues
from backend.webhooks.event_types import WebhookEventType


def _event_type_enum(name: str, description: str) -> type[graphene.Enum]:
    return graphene.Enum(
        name,
        [(member.name, member.value) for member in WebhookEventType],
        description=description,
    )


WebhookEventTypeAsyncEnum = _event_type_enum(
    "WebhookEventTypeAsyncEnum", "Event types an asynchronous webhook can subscribe to."
)
WebhookEventTypeEnum = _event_type_enum(
    "WebhookEventTypeEnum", "Event types (deprecated alias of WebhookEventTypeAsyncEnum)."
)
WebhookErrorCode = graphene.Enum.from_enum(
    WebhookErrorCodeValues, description="Error codes of webhook mutations."
)
