"""The root schema: each app contributes its ``<App>Queries`` and ``<App>Mutations``."""

import graphene

from backend.graphql.ocop.schema import OcopMutations, OcopQueries
from backend.graphql.shop.schema import ShopQueries


class Query(ShopQueries, OcopQueries, graphene.ObjectType):
    pass


class Mutation(OcopMutations, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
