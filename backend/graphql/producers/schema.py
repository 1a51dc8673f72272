from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.connection import connection_args, resolve_connection
from backend.graphql.producers.filters import ProducerFilterInput, filter_producers
from backend.graphql.producers.mutations.producer_application_review import (
    ProducerApplicationReview,
)
from backend.graphql.producers.mutations.producer_application_submit import (
    ProducerApplicationSubmit,
)
from backend.graphql.producers.mutations.producer_create import ProducerCreate
from backend.graphql.producers.mutations.producer_document_upload import ProducerDocumentUpload
from backend.graphql.producers.mutations.producer_reinstate import ProducerReinstate
from backend.graphql.producers.mutations.producer_suspend import ProducerSuspend
from backend.graphql.producers.mutations.producer_update import ProducerUpdate
from backend.graphql.producers.types import Producer, ProducerCountableConnection
from producers import models, selectors


class ProducerQueries(graphene.ObjectType):
    producer = graphene.Field(
        Producer,
        slug=graphene.Argument(graphene.String, required=True, description="Slug of the shop."),
        description="Look up an approved producer by slug (members and staff also see "
        "their own producers before approval).",
    )
    producers = graphene.Field(
        ProducerCountableConnection,
        filter=ProducerFilterInput(description="Filtering options for producers."),
        **connection_args(),
        description="List of approved producers, by name.",
    )
    my_producers = graphene.List(
        graphene.NonNull(Producer),
        required=True,
        description="Producers the signed-in user is a member of (empty when signed out).",
    )

    @staticmethod
    def resolve_producer(
        root: object, info: graphene.ResolveInfo, slug: str
    ) -> models.Producer | None:
        return selectors.producer_get_visible(actor=info.context.user, slug=slug)

    @staticmethod
    def resolve_producers(root: object, info: graphene.ResolveInfo, **args: Any) -> Any:
        queryset = filter_producers(info.context.user, args.get("filter"))
        return resolve_connection(
            ProducerCountableConnection,
            queryset,
            args,
            sort_fields=["name"],
            connection_name="producers",
        )

    @staticmethod
    def resolve_my_producers(root: object, info: graphene.ResolveInfo) -> list[models.Producer]:
        return list(selectors.producers_for_member(actor=info.context.user))


class ProducerMutations(graphene.ObjectType):
    producer_create = ProducerCreate.Field()
    producer_update = ProducerUpdate.Field()
    producer_document_upload = ProducerDocumentUpload.Field()
    producer_application_submit = ProducerApplicationSubmit.Field()
    producer_application_review = ProducerApplicationReview.Field()
    producer_suspend = ProducerSuspend.Field()
    producer_reinstate = ProducerReinstate.Field()
