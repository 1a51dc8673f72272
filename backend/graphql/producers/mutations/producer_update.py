from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.mutations import BaseMutation
from backend.graphql.producers.mutations.common import ProducerInput, producer_pk, profile_data
from backend.graphql.producers.types import Producer, ProducerError
from producers import services
from producers.permissions import is_authenticated


class ProducerUpdate(BaseMutation):
    producer = graphene.Field(Producer, description="The updated producer.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the producer to update.")
        input = ProducerInput(required=True, description="Fields to change.")

    class Meta:
        description = (
            "Updates a producer's profile: every field while the application is a draft or "
            "changes were requested; only name, description, phone and email after approval; "
            "nothing while in review, after rejection or when suspended. "
            "Members of the producer and staff."
        )
        error_type_class = ProducerError
        permission_check = staticmethod(is_authenticated)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        producer = services.producer_update(
            actor=info.context.user,
            producer_id=producer_pk(data["id"]),
            data=profile_data(dict(data["input"])),
        )
        return cls.success(producer=producer)
