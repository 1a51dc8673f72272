from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.mutations import BaseMutation
from backend.graphql.producers.mutations.common import producer_pk
from backend.graphql.producers.types import Producer, ProducerError
from producers import services
from producers.permissions import is_reviewing_staff


class ProducerSuspend(BaseMutation):
    producer = graphene.Field(Producer, description="The suspended producer.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the producer.")
        reason = graphene.String(required=True, description="Why it is suspended.")

    class Meta:
        description = (
            "Suspends an approved producer: it and its products disappear from the "
            "storefront at once and it can no longer edit anything. Platform staff only."
        )
        error_type_class = ProducerError
        permission_check = staticmethod(is_reviewing_staff)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        producer = services.producer_suspend(
            actor=info.context.user, producer_id=producer_pk(data["id"]), reason=data["reason"]
        )
        return cls.success(producer=producer)
