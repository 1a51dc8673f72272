"""OCOP types (our extension: Saleor has no certification)."""

from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.connection import CountableConnection
from backend.graphql.core.errors import make_error_type
from backend.graphql.core.ids import to_global_id
from backend.graphql.core.units import Province
from backend.graphql.ocop.enums import (
    OcopApplicationStatusEnum,
    OcopCertificateStatusEnum,
    OcopErrorCode,
)
from backend.graphql.producers.types import Producer
from backend.ocop import models, selectors

OcopError = make_error_type("OcopError", OcopErrorCode)


class OcopCriterion(graphene.ObjectType):
    """One scored criterion of a criteria set."""

    code = graphene.String(required=True, description="Criterion code, e.g. A1.")
    name = graphene.String(required=True, description="Vietnamese name of the criterion.")
    name_en = graphene.String(required=True, description="English name of the criterion.")
    max_points = graphene.Int(required=True, description="Maximum points.")
    product_sets = graphene.List(
        graphene.NonNull(graphene.Int),
        description="Product sets (1-26) it applies to; null when it applies to all.",
    )

    @staticmethod
    def resolve_name(root: models.Criterion, info: graphene.ResolveInfo) -> str:
        return root.name_vi


class OcopCriteriaPart(graphene.ObjectType):
    """A part (A, B, C) of a criteria set."""

    code = graphene.String(required=True, description="Part code.")
    name = graphene.String(required=True, description="Vietnamese name of the part.")
    name_en = graphene.String(required=True, description="English name of the part.")
    max_points = graphene.Int(required=True, description="Maximum points of the part.")
    criteria = graphene.List(
        graphene.NonNull(OcopCriterion), required=True, description="Criteria of the part."
    )

    @staticmethod
    def resolve_name(root: models.CriteriaPart, info: graphene.ResolveInfo) -> str:
        return root.name_vi

    @staticmethod
    def resolve_criteria(root: models.CriteriaPart, info: graphene.ResolveInfo) -> Any:
        return root.criteria.all()


class OcopCriteriaSet(graphene.ObjectType):
    """The criteria of one legal decision (versioned data)."""

    code = graphene.String(required=True, description="Code, e.g. QD148-2023.")
    legal_basis = graphene.String(required=True, description="The legal decision(s).")
    effective_from = graphene.Date(required=True, description="First day in force.")
    effective_until = graphene.Date(description="Last day in force; null while in force.")
    max_points = graphene.Int(required=True, description="Total points (100).")
    notes = graphene.String(required=True, description="Notes on the data's provenance.")
    parts = graphene.List(
        graphene.NonNull(OcopCriteriaPart), required=True, description="Parts A, B and C."
    )

    @staticmethod
    def resolve_parts(root: models.CriteriaSet, info: graphene.ResolveInfo) -> Any:
        return root.parts.all()


class OcopProduct(graphene.ObjectType):
    """The certified product, by its catalogue ID and name."""

    id = graphene.ID(required=True, description="Global ID of the catalogue Product.")
    name = graphene.String(required=True, description="Product name.")
    slug = graphene.String(required=True, description="Product slug.")

    @staticmethod
    def resolve_id(root: Any, info: graphene.ResolveInfo) -> str:
        return to_global_id("Product", root.pk)


class OcopCertificate(graphene.ObjectType):
    """An OCOP certificate: the only source of a product's stars."""

    number = graphene.String(required=True, description="Certificate number.")
    decision_number = graphene.String(required=True, description="Recognition decision number.")
    decision_date = graphene.Date(required=True, description="Date of the decision.")
    issuing_body = graphene.String(
        required=True, description="UBND of the province, or the Ministry for five stars."
    )
    product = graphene.Field(OcopProduct, required=True, description="The certified product.")
    producer = graphene.Field(Producer, required=True, description="The producer (chủ thể).")
    province = graphene.Field(Province, description="The producer's province at issue.")
    product_set = graphene.Int(required=True, description="OCOP product set (1-26).")
    stars = graphene.Int(required=True, description="Star rank (3-5).")
    score = graphene.Decimal(required=True, description="Council score (0-100).")
    valid_from = graphene.Date(required=True, description="First valid day (Vietnam time).")
    valid_until = graphene.Date(
        required=True, description="Last valid day, inclusive, until 23:59 Vietnam time."
    )
    status = graphene.Field(
        OcopCertificateStatusEnum,
        required=True,
        description="Status now: an active certificate past its last day reads EXPIRED.",
    )
    is_valid = graphene.Boolean(
        required=True, description="Whether the product may show these stars right now."
    )
    revoked_at = graphene.DateTime(description="When it was revoked.")
    revocation_reason = graphene.String(description="Why it was revoked.")
    supersedes = graphene.Field(
        lambda: OcopCertificate, description="The certificate this re-recognition replaced."
    )

    @staticmethod
    def resolve_province(root: models.Certificate, info: graphene.ResolveInfo) -> Any:
        return Province.from_code(root.province_code)

    @staticmethod
    def resolve_status(root: models.Certificate, info: graphene.ResolveInfo) -> str:
        return str(selectors.certificate_effective_status(root))

    @staticmethod
    def resolve_is_valid(root: models.Certificate, info: graphene.ResolveInfo) -> bool:
        return selectors.certificate_effective_status(root) == models.CertificateStatus.ACTIVE

    @staticmethod
    def resolve_revocation_reason(root: models.Certificate, info: graphene.ResolveInfo) -> Any:
        return root.revocation_reason or None


class OcopCertificateCountableConnection(CountableConnection):
    class Meta:
        node = OcopCertificate
        description = "A page of OCOP certificates."


class OcopAssessment(graphene.ObjectType):
    """A council's averaged scoring of an application."""

    level = graphene.String(required=True, description="provincial or central.")
    member_count = graphene.Int(required=True, description="Council members who scored.")
    total = graphene.Decimal(required=True, description="Averaged total (rounded down).")
    stars = graphene.Int(required=True, description="Stars from the total's band.")
    submitted_at = graphene.DateTime(required=True, description="When it was recorded.")


class OcopApplicationEvent(graphene.ObjectType):
    """One immutable step in an application's history."""

    type = graphene.String(required=True, description="What happened.")
    date = graphene.DateTime(required=True, description="When it happened.")
    status_before = graphene.String(description="Status before the step.")
    status_after = graphene.String(description="Status after the step.")
    actor_email = graphene.String(description="Who did it; null for the system.")

    @staticmethod
    def resolve_date(root: models.ApplicationEvent, info: graphene.ResolveInfo) -> Any:
        return root.created_at

    @staticmethod
    def resolve_actor_email(root: models.ApplicationEvent, info: graphene.ResolveInfo) -> Any:
        return root.actor.email if root.actor else None


class OcopApplicationDocument(graphene.ObjectType):
    """A dossier document; its file is only reachable through the access-checked console."""

    title = graphene.String(required=True, description="Name of the document.")
    content_type = graphene.String(required=True, description="MIME type found in the file.")
    size = graphene.Int(required=True, description="Size in bytes.")
    created_at = graphene.DateTime(required=True, description="When it was uploaded.")


class OcopApplication(graphene.ObjectType):
    """A producer's request to have one product rated."""

    product = graphene.Field(OcopProduct, required=True, description="The product assessed.")
    producer = graphene.Field(Producer, required=True, description="The applying producer.")
    product_set = graphene.Int(required=True, description="OCOP product set (1-26).")
    criteria_set = graphene.String(required=True, description="Code of the criteria set used.")
    status = graphene.Field(OcopApplicationStatusEnum, required=True, description="Status.")
    score = graphene.Decimal(description="Latest council total; null before scoring.")
    stars = graphene.Int(description="Stars from the latest score's band.")
    submitted_at = graphene.DateTime(description="When the producer submitted it.")
    created_at = graphene.DateTime(required=True, description="When it was created.")
    certificate = graphene.Field(OcopCertificate, description="The certificate it led to.")
    assessments = graphene.List(
        graphene.NonNull(OcopAssessment), required=True, description="Council assessments."
    )
    events = graphene.List(
        graphene.NonNull(OcopApplicationEvent), required=True, description="History, oldest first."
    )
    documents = graphene.List(
        graphene.NonNull(OcopApplicationDocument), required=True, description="Dossier documents."
    )

    class Meta:
        interfaces = (graphene.relay.Node,)

    @staticmethod
    def resolve_documents(root: models.CertificationApplication, info: Any) -> Any:
        return root.documents.order_by("pk")

    @classmethod
    def get_node(cls, info: graphene.ResolveInfo, id: str) -> Any:
        return selectors.applications_for_user(actor=info.context.user).filter(pk=id).first()

    @classmethod
    def is_type_of(cls, root: Any, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.CertificationApplication)

    @staticmethod
    def resolve_status(root: models.CertificationApplication, info: Any) -> str:
        return str(root.status)

    @staticmethod
    def resolve_criteria_set(root: models.CertificationApplication, info: Any) -> str:
        return root.criteria_set.code

    @staticmethod
    def resolve_certificate(root: models.CertificationApplication, info: Any) -> Any:
        try:
            return root.certificate
        except models.Certificate.DoesNotExist:
            return None

    @staticmethod
    def resolve_assessments(root: models.CertificationApplication, info: Any) -> Any:
        return root.assessments.all()

    @staticmethod
    def resolve_events(root: models.CertificationApplication, info: Any) -> Any:
        return root.events.select_related("actor")


class OcopApplicationCountableConnection(CountableConnection):
    class Meta:
        node = OcopApplication
        description = "A page of OCOP applications."
