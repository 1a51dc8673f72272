"""The root schema: each app contributes its ``<App>Queries`` and ``<App>Mutations``."""

import graphene

from backend.graphql.shop.schema import ShopQueries


class Query(ShopQueries, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query)
