from __future__ import annotations

from typing import Any

import graphene

from backend.accounts.roles import is_staff
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.webhooks.inputs import webhook_pk
from backend.graphql.webhooks.types import Webhook, WebhookError
from backend.webhooks.services import webhook_delete


class WebhookDelete(BaseMutation):
    webhook = graphene.Field(Webhook, description="The deleted webhook.")

    class Arguments:
        id = graphene.ID(description="ID of the webhook to delete.")

    class Meta:
        description = "Deletes a webhook subscription and its delivery history. Requires staff."
        error_type_class = WebhookError
        permission_check = is_staff

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        webhook = webhook_delete(actor=info.context.user, webhook_id=webhook_pk(data.get("id")))
        return cls.success(webhook=webhook)
