"""The root schema: each app contributes its ``<App>Queries`` and ``<App>Mutations``."""

import graphene

from backend.graphql.shop.schema import ShopQueries
from backend.graphql.webhooks.schema import WebhookMutations


class Query(ShopQueries, graphene.ObjectType):
    pass


class Mutation(WebhookMutations, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
