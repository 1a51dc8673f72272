"""OCOP certification in the API: criteria, applications (scoped), the public registry."""

from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.connection import connection_args, resolve_connection
from backend.graphql.ocop.filters import OcopApplicationFilterInput, OcopCertificateFilterInput
from backend.graphql.ocop.mutations.application_create import OcopApplicationCreate
from backend.graphql.ocop.mutations.application_document_upload import (
    OcopApplicationDocumentUpload,
)
from backend.graphql.ocop.mutations.application_submit import OcopApplicationSubmit
from backend.graphql.ocop.mutations.assessment_submit import OcopAssessmentSubmit
from backend.graphql.ocop.mutations.certificate_issue import OcopCertificateIssue
from backend.graphql.ocop.mutations.certificate_revoke import OcopCertificateRevoke
from backend.graphql.ocop.types import (
    OcopApplicationCountableConnection,
    OcopCertificate,
    OcopCertificateCountableConnection,
    OcopCriteriaSet,
)
from backend.ocop import selectors


class OcopQueries(graphene.ObjectType):
    ocop_criteria_sets = graphene.List(
        graphene.NonNull(OcopCriteriaSet),
        required=True,
        description="OCOP criteria sets, newest first (public).",
    )
    ocop_applications = graphene.Field(
        OcopApplicationCountableConnection,
        filter=OcopApplicationFilterInput(description="Filtering options."),
        description=(
            "OCOP applications the caller may see: its producers' own, or, for officials, "
            "those of their province (central: five-star proposals). Newest first."
        ),
        **connection_args(),
    )
    ocop_certificates = graphene.Field(
        OcopCertificateCountableConnection,
        filter=OcopCertificateFilterInput(description="Filtering options."),
        description="The public registry of OCOP certificates, newest decision first.",
        **connection_args(),
    )
    ocop_certificate = graphene.Field(
        OcopCertificate,
        number=graphene.String(required=True, description="Certificate number."),
        description="Verify a certificate by its number (public); null when unknown.",
    )

    @staticmethod
    def resolve_ocop_criteria_sets(root: Any, info: graphene.ResolveInfo) -> Any:
        return selectors.criteria_sets_list()

    @staticmethod
    def resolve_ocop_applications(root: Any, info: graphene.ResolveInfo, **args: Any) -> Any:
        status = (args.get("filter") or {}).get("status")
        queryset = selectors.applications_for_user(
            actor=info.context.user, status=getattr(status, "value", status)
        ).select_related("certificate")
        return resolve_connection(
            OcopApplicationCountableConnection,
            queryset,
            args,
            sort_fields=["created_at"],
            descending=True,
            connection_name="ocopApplications",
        )

    @staticmethod
    def resolve_ocop_certificates(root: Any, info: graphene.ResolveInfo, **args: Any) -> Any:
        filters = args.get("filter") or {}
        status = filters.get("status")
        queryset = selectors.certificates_public_list(
            search=filters.get("search"),
            province_code=filters.get("province_code"),
            stars=filters.get("stars"),
            status=getattr(status, "value", status),
        )
        return resolve_connection(
            OcopCertificateCountableConnection,
            queryset,
            args,
            sort_fields=["decision_date"],
            descending=True,
            connection_name="ocopCertificates",
        )

    @staticmethod
    def resolve_ocop_certificate(root: Any, info: graphene.ResolveInfo, number: str) -> Any:
        return selectors.certificate_get_by_number(number)


class OcopMutations(graphene.ObjectType):
    ocop_application_create = OcopApplicationCreate.Field()
    ocop_application_submit = OcopApplicationSubmit.Field()
    ocop_application_document_upload = OcopApplicationDocumentUpload.Field()
    ocop_assessment_submit = OcopAssessmentSubmit.Field()
    ocop_certificate_issue = OcopCertificateIssue.Field()
    ocop_certificate_revoke = OcopCertificateRevoke.Field()
