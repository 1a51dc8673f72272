import graphene

from backend.graphql.webhooks.mutations.webhook_create import WebhookCreate
from backend.graphql.webhooks.mutations.webhook_delete import WebhookDelete
from backend.graphql.webhooks.mutations.webhook_update import WebhookUpdate


class WebhookMutations(graphene.ObjectType):
    webhook_create = WebhookCreate.Field(description="Creates a new webhook subscription.")
    webhook_update = WebhookUpdate.Field(description="Updates a webhook subscription.")
    webhook_delete = WebhookDelete.Field(description="Deletes a webhook subscription.")
