from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.mutations import BaseMutation
from backend.graphql.ocop.mutations.common import application_for_action, is_signed_in
from backend.graphql.ocop.types import OcopApplication, OcopAssessment, OcopError
from backend.ocop import services


class OcopCriterionScoreInput(graphene.InputObjectType):
    criterion = graphene.String(required=True, description="Criterion code, e.g. A1.")
    points = graphene.Decimal(
        required=True, description='Points, at most 2 decimals; send as a string ("12.5").'
    )

    class Meta:
        description = "One member's points for one criterion."


class OcopScoreSheetInput(graphene.InputObjectType):
    member = graphene.String(required=True, description="Council member's name.")
    scores = graphene.List(
        graphene.NonNull(OcopCriterionScoreInput),
        required=True,
        description="Points for every applicable criterion.",
    )

    class Meta:
        description = "One council member's score sheet."


class OcopAssessmentSubmit(BaseMutation):
    assessment = graphene.Field(OcopAssessment, description="The averaged assessment.")
    application = graphene.Field(OcopApplication, description="The application scored.")

    class Arguments:
        application = graphene.ID(required=True, description="ID of the application.")
        sheets = graphene.List(
            graphene.NonNull(OcopScoreSheetInput),
            required=True,
            description="Every council member's sheet; averaged per criterion.",
        )

    class Meta:
        description = (
            "Record a council's scores (assessors of the producer's province; the central "
            "council for five-star proposals). Stars follow from the averaged total."
        )
        error_type_class = OcopError
        permission_check = staticmethod(is_signed_in)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        application = application_for_action(info, data["application"])
        sheets = [
            services.ScoreSheet(
                member=sheet["member"],
                scores=[(item["criterion"], item["points"]) for item in sheet["scores"]],
            )
            for sheet in data["sheets"]
        ]
        assessment = services.assessment_submit(
            actor=info.context.user, application=application, sheets=sheets
        )
        return cls.success(assessment=assessment, application=assessment.application)
