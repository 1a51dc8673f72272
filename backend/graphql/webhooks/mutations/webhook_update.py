from __future__ import annotations

from typing import Any

import graphene

from backend.accounts.roles import is_staff
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.webhooks.inputs import WebhookUpdateInput, event_values, webhook_pk
from backend.graphql.webhooks.types import Webhook, WebhookError
from backend.webhooks.services import webhook_update


class WebhookUpdate(BaseMutation):
    webhook = graphene.Field(Webhook, description="The updated webhook.")

    class Arguments:
        id = graphene.ID(description="ID of the webhook to update.")
        input = WebhookUpdateInput(required=True, description="Fields to change.")

    class Meta:
        description = "Updates a webhook subscription. Requires staff."
        error_type_class = WebhookError
        permission_check = is_staff

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        fields = data["input"]
        changes: dict[str, Any] = {
            name: fields[name]
            for name in ("name", "target_url", "is_active", "secret_key")
            if name in fields
        }
        events = event_values(fields)
        if events is not None:
            changes["events"] = events
        webhook = webhook_update(
            actor=info.context.user, webhook_id=webhook_pk(data.get("id")), **changes
        )
        return cls.success(webhook=webhook)
