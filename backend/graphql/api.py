"""The root schema: each app contributes its ``<App>Queries`` and ``<App>Mutations``."""

import graphene

from backend.graphql.producers.schema import ProducerMutations, ProducerQueries
from backend.graphql.shop.schema import ShopQueries


class Query(ShopQueries, ProducerQueries, graphene.ObjectType):
    pass


class Mutation(ProducerMutations, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
