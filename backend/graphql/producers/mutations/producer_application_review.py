from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.mutations import BaseMutation
from backend.graphql.producers.enums import ProducerApplicationDecisionEnum
from backend.graphql.producers.mutations.common import enum_value, producer_pk
from backend.graphql.producers.types import Producer, ProducerError
from producers import onboarding_services
from producers.permissions import is_reviewing_staff


class ProducerApplicationReviewInput(graphene.InputObjectType):
    decision = graphene.Field(
        ProducerApplicationDecisionEnum, required=True, description="The decision."
    )
    reason = graphene.String(
        description="Why it is rejected, or what to change; required unless approving."
    )

    class Meta:
        description = "A reviewer's decision."


class ProducerApplicationReview(BaseMutation):
    producer = graphene.Field(Producer, description="The reviewed producer.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the producer under review.")
        input = ProducerApplicationReviewInput(required=True, description="The decision.")

    class Meta:
        description = (
            "Approves, rejects or asks for changes on a submitted application; the owners "
            "are emailed. Platform staff only."
        )
        error_type_class = ProducerError
        permission_check = staticmethod(is_reviewing_staff)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        application = onboarding_services.producer_application_review(
            actor=info.context.user,
            producer_id=producer_pk(data["id"]),
            decision=enum_value(data["input"]["decision"]),
            note=data["input"].get("reason") or "",
        )
        return cls.success(producer=application.producer)
