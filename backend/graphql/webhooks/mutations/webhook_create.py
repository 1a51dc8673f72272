from __future__ import annotations

from typing import Any

import graphene

from backend.accounts.roles import is_staff
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.webhooks.inputs import WebhookCreateInput, event_values
from backend.graphql.webhooks.types import Webhook, WebhookError
from backend.webhooks.services import webhook_create


class WebhookCreate(BaseMutation):
    webhook = graphene.Field(Webhook, description="The created webhook.")

    class Arguments:
        input = WebhookCreateInput(required=True, description="Fields of the new webhook.")

    class Meta:
        description = "Creates a new webhook subscription. Requires staff."
        error_type_class = WebhookError
        permission_check = is_staff

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        fields = data["input"]
        webhook = webhook_create(
            actor=info.context.user,
            name=fields.get("name"),
            target_url=fields.get("target_url"),
            events=event_values(fields),
            is_active=fields.get("is_active") is not False,
            secret_key=fields.get("secret_key"),
        )
        return cls.success(webhook=webhook)
