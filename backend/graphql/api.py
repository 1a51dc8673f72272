"""The root schema: each app contributes its ``<App>Queries`` and ``<App>Mutations``."""

import graphene

from backend.graphql.account.schema import AccountMutations, AccountQueries
from backend.graphql.catalog.schema import CatalogQueries
from backend.graphql.channels.schema import ChannelQueries
from backend.graphql.content.schema import ContentQueries
from backend.graphql.shop.schema import ShopQueries


class Query(
    ShopQueries,
    AccountQueries,
    CatalogQueries,
    ChannelQueries,
    ContentQueries,
    graphene.ObjectType,
):
    pass


class Mutation(AccountMutations, graphene.ObjectType):
    pass


schema = graphene.Schema(query=Query, mutation=Mutation)
