from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.mutations import BaseMutation
from backend.graphql.producers.mutations.common import producer_pk
from backend.graphql.producers.types import Producer, ProducerError
from producers import onboarding_services
from producers.permissions import is_authenticated


class ProducerApplicationSubmit(BaseMutation):
    producer = graphene.Field(Producer, description="The producer whose application moved.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the producer.")

    class Meta:
        description = (
            "Submits the producer's onboarding application for review. The profile must be "
            "complete and a business licence uploaded. Owners of the producer only."
        )
        error_type_class = ProducerError
        permission_check = staticmethod(is_authenticated)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        application = onboarding_services.producer_application_submit(
            actor=info.context.user, producer_id=producer_pk(data["id"])
        )
        return cls.success(producer=application.producer)
