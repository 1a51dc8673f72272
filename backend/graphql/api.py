"""The root schema: each app contributes its ``<App>Queries`` and ``<App>Mutations``."""

import graphene

from backend.graphql.account.schema import AccountMutations, AccountQueries
from backend.graphql.payments.schema import PaymentMutations
from backend.graphql.shop.schema import ShopQueries


class Query(ShopQueries, AccountQueries, graphene.ObjectType):
    pass


class Mutation(AccountMutations, PaymentMutations, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
