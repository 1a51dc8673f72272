"""The root schema: each app contributes its ``<App>Queries`` and ``<App>Mutations``."""

import graphene

from backend.graphql.account.schema import AccountMutations, AccountQueries
from backend.graphql.catalog.schema import CatalogMutations, CatalogQueries
from backend.graphql.catalog.types.assigned_attributes import ASSIGNED_ATTRIBUTE_TYPES
from backend.graphql.channels.schema import ChannelQueries
from backend.graphql.checkout.schema import CheckoutMutations, CheckoutQueries
from backend.graphql.content.schema import ContentQueries
from backend.graphql.discounts.schema import DiscountMutations, DiscountQueries
from backend.graphql.meta.schema import MetaMutations
from backend.graphql.ocop.schema import OcopMutations, OcopQueries
from backend.graphql.orders.schema import OrderMutations, OrderQueries
from backend.graphql.payments.schema import PaymentMutations, PaymentQueries
from backend.graphql.producers.schema import ProducerMutations, ProducerQueries
from backend.graphql.shop.schema import ShopQueries
from backend.graphql.webhooks.schema import WebhookMutations


# Later bases' fields print first: new apps go first so the printed schema only grows at the end.
class Query(
    DiscountQueries,
    ShopQueries,
    AccountQueries,
    CatalogQueries,
    ChannelQueries,
    ContentQueries,
    ProducerQueries,
    OcopQueries,
    CheckoutQueries,
    OrderQueries,
    PaymentQueries,
    graphene.ObjectType,
):
    pass


class Mutation(
    DiscountMutations,
    AccountMutations,
    CatalogMutations,
    ProducerMutations,
    OcopMutations,
    WebhookMutations,
    CheckoutMutations,
    OrderMutations,
    PaymentMutations,
    MetaMutations,
    graphene.ObjectType,
):
    pass


# Interface implementations are reachable only through ``types``; Query and Mutation lead
# the list so the printed schema keeps its order (user types are collected first).
schema = graphene.Schema(
    query=Query, mutation=Mutation, types=[Query, Mutation, *ASSIGNED_ATTRIBUTE_TYPES]
)
