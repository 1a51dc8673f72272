from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.mutations import BaseMutation
from backend.graphql.ocop.mutations.common import application_for_action, is_signed_in
from backend.graphql.ocop.types import OcopCertificate, OcopError
from backend.ocop import certificate_services


class OcopCertificateIssueInput(graphene.InputObjectType):
    decision_number = graphene.String(
        required=True, description="Decision number, e.g. 715/QĐ-UBND."
    )
    decision_date = graphene.Date(required=True, description="Decision date (not in the future).")

    class Meta:
        description = "The recognition decision."


class OcopCertificateIssue(BaseMutation):
    certificate = graphene.Field(OcopCertificate, description="The issued certificate.")

    class Arguments:
        application = graphene.ID(required=True, description="ID of the scored application.")
        input = OcopCertificateIssueInput(required=True, description="The decision.")

    class Meta:
        description = (
            "Certify a scored application: 3-4 stars by an approver of the producer's "
            "province, 5 stars by a central approver."
        )
        error_type_class = OcopError
        permission_check = staticmethod(is_signed_in)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        certificate = certificate_services.certificate_issue(
            actor=info.context.user,
            application=application_for_action(info, data["application"]),
            decision_number=data["input"]["decision_number"],
            decision_date=data["input"]["decision_date"],
        )
        return cls.success(certificate=certificate)
