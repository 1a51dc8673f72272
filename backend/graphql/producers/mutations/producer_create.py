from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.mutations import BaseMutation
from backend.graphql.producers.mutations.common import ProducerCreateInput, profile_data
from backend.graphql.producers.types import Producer, ProducerError
from producers import services
from producers.permissions import is_authenticated


class ProducerCreate(BaseMutation):
    producer = graphene.Field(Producer, description="The registered producer (draft).")

    class Arguments:
        input = ProducerCreateInput(required=True, description="Fields of the new producer.")

    class Meta:
        description = (
            "Registers a producer in draft; the signed-in user becomes its owner. "
            "Requires a signed-in user."
        )
        error_type_class = ProducerError
        permission_check = staticmethod(is_authenticated)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        producer = services.producer_create(
            actor=info.context.user, data=profile_data(dict(data["input"]))
        )
        return cls.success(producer=producer)
