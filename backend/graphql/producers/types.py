"""The Producer type: the seller behind a product (our extension; Saleor has no sellers)."""

from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.connection import CountableConnection
from backend.graphql.core.errors import make_error_type
from backend.graphql.core.units import Commune, Province
from backend.graphql.producers.access import can_see_private
from backend.graphql.producers.enums import (
    OnboardingApplicationStatusEnum,
    ProducerDocumentTypeEnum,
    ProducerErrorCodeEnum,
    ProducerLegalFormEnum,
    ProducerStatusEnum,
)
from producers import models, selectors
from producers.documents import document_url

ProducerError = make_error_type("ProducerError", ProducerErrorCodeEnum)


class Certificate(graphene.ObjectType):
    """A certificate shown on the producer's public shop page (no file: files are private)."""

    document_type = graphene.Field(
        ProducerDocumentTypeEnum, required=True, description="Kind of certificate."
    )
    number = graphene.String(required=True, description="Certificate number.")
    issuer = graphene.String(required=True, description="Issuing authority.")
    issued_on = graphene.Date(description="Date of issue.")
    expires_on = graphene.Date(description="Expiry date, when it has one.")

    @staticmethod
    def resolve_document_type(root: models.ProducerDocument, info: graphene.ResolveInfo) -> str:
        return str(root.document_type)


class ProducerDocument(graphene.ObjectType):
    """A KYC document or certificate. Visible to the producer's members and reviewing staff."""

    document_type = graphene.Field(
        ProducerDocumentTypeEnum, required=True, description="Kind of document."
    )
    number = graphene.String(required=True, description="Document number.")
    issuer = graphene.String(required=True, description="Issuing authority.")
    issued_on = graphene.Date(description="Date of issue.")
    expires_on = graphene.Date(description="Expiry date, when it has one.")
    content_type = graphene.String(required=True, description="MIME type checked on upload.")
    size = graphene.Int(required=True, description="File size in bytes.")
    sha256 = graphene.String(required=True, description="SHA-256 of the file, hex.")
    created = graphene.DateTime(required=True, description="When the document was uploaded.")
    url = graphene.String(
        required=True,
        description="Short-lived signed link to the file, valid for the requesting user only.",
    )

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "A private producer document (business licence, certificate...)."

    @staticmethod
    def resolve_document_type(root: models.ProducerDocument, info: graphene.ResolveInfo) -> str:
        return str(root.document_type)

    @staticmethod
    def resolve_created(root: models.ProducerDocument, info: graphene.ResolveInfo) -> Any:
        return root.created_at

    @staticmethod
    def resolve_url(root: models.ProducerDocument, info: graphene.ResolveInfo) -> str:
        return document_url(root, info.context.user, absolute=True)

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.ProducerDocument)


class OnboardingEvent(graphene.ObjectType):
    """One step in an application's history."""

    date = graphene.DateTime(required=True, description="When it happened.")
    type = graphene.String(required=True, description="What happened (created, status_changed).")
    before = graphene.Field(OnboardingApplicationStatusEnum, description="Status before.")
    after = graphene.Field(OnboardingApplicationStatusEnum, description="Status after.")
    note = graphene.String(description="The reviewer's reason or requested changes.")

    @staticmethod
    def resolve_date(root: models.OnboardingEvent, info: graphene.ResolveInfo) -> Any:
        return root.at

    @staticmethod
    def resolve_before(root: models.OnboardingEvent, info: graphene.ResolveInfo) -> str | None:
        return root.before or None

    @staticmethod
    def resolve_after(root: models.OnboardingEvent, info: graphene.ResolveInfo) -> str | None:
        return root.after or None

    @staticmethod
    def resolve_note(root: models.OnboardingEvent, info: graphene.ResolveInfo) -> str | None:
        return root.payload.get("note") or None


class OnboardingApplication(graphene.ObjectType):
    """A producer's application to sell, as its members and reviewing staff see it."""

    status = graphene.Field(
        OnboardingApplicationStatusEnum, required=True, description="Current state."
    )
    review_note = graphene.String(
        description="The reviewer's reason for a rejection, or the changes asked for."
    )
    submitted_at = graphene.DateTime(description="When it was last submitted.")
    decided_at = graphene.DateTime(description="When the last decision was made.")
    events = graphene.List(
        graphene.NonNull(OnboardingEvent), required=True, description="History, oldest first."
    )

    @staticmethod
    def resolve_status(root: models.OnboardingApplication, info: graphene.ResolveInfo) -> str:
        return str(root.status)

    @staticmethod
    def resolve_review_note(
        root: models.OnboardingApplication, info: graphene.ResolveInfo
    ) -> str | None:
        return root.review_note or None

    @staticmethod
    def resolve_events(
        root: models.OnboardingApplication, info: graphene.ResolveInfo
    ) -> list[models.OnboardingEvent]:
        return list(root.events.order_by("at", "pk"))


class SellerInformation(graphene.ObjectType):
    """What Decree 85/2021/NĐ-CP requires a listing to show about its seller."""

    legal_name = graphene.String(required=True, description="Registered legal name.")
    address = graphene.String(required=True, description="Registered address.")
    tax_code = graphene.String(description="Tax code (mã số thuế).")
    business_registration_number = graphene.String(
        description="Business registration number, when there is no tax code."
    )
    phone = graphene.String(description="Contact phone.")


class Producer(graphene.ObjectType):
    """A cooperative, household business, company or individual selling on the marketplace."""

    name = graphene.String(required=True, description="Trade name shown to shoppers.")
    slug = graphene.String(required=True, description="URL slug of the producer's shop.")
    legal_form = graphene.Field(
        ProducerLegalFormEnum, required=True, description="Legal form of the producer."
    )
    description = graphene.String(required=True, description="About the producer.")
    province = graphene.Field(Province, description="Province of the producer's address.")
    commune = graphene.Field(Commune, description="Commune or ward of the producer's address.")
    seller_information = graphene.Field(
        SellerInformation, required=True, description="Seller identity required on listings."
    )
    certificates = graphene.List(
        graphene.NonNull(Certificate),
        required=True,
        description="Food-safety, VietGAP and GlobalGAP certificates in force.",
    )
    status = graphene.Field(
        ProducerStatusEnum,
        description="Onboarding status. Members of the producer and staff only; null otherwise.",
    )
    application = graphene.Field(
        OnboardingApplication,
        description="The onboarding application. Members of the producer and staff only.",
    )
    documents = graphene.List(
        graphene.NonNull(ProducerDocument),
        description="Private documents. Members of the producer and staff only; null otherwise.",
    )

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "A producer (chủ thể OCOP) selling on the marketplace."

    @staticmethod
    def resolve_legal_form(root: models.Producer, info: graphene.ResolveInfo) -> str:
        return str(root.legal_form)

    @staticmethod
    def resolve_province(root: models.Producer, info: graphene.ResolveInfo) -> Province | None:
        return Province.from_code(root.province_code)

    @staticmethod
    def resolve_commune(root: models.Producer, info: graphene.ResolveInfo) -> Commune | None:
        return Commune.from_code(root.commune_code)

    @staticmethod
    def resolve_seller_information(
        root: models.Producer, info: graphene.ResolveInfo
    ) -> SellerInformation:
        province = Province.from_code(root.province_code)
        commune = Commune.from_code(root.commune_code)
        parts = [
            root.street_address,
            commune and commune.full_name,
            province and province.full_name,
        ]
        return SellerInformation(
            legal_name=root.legal_name,
            address=", ".join(part for part in parts if part),
            tax_code=root.tax_code,
            business_registration_number=root.business_registration_number or None,
            phone=root.phone or None,
        )

    @staticmethod
    def resolve_certificates(
        root: models.Producer, info: graphene.ResolveInfo
    ) -> list[models.ProducerDocument]:
        return selectors.public_certificates(root)

    @staticmethod
    def resolve_status(root: models.Producer, info: graphene.ResolveInfo) -> str | None:
        return str(root.status) if can_see_private(info, root) else None

    @staticmethod
    def resolve_application(
        root: models.Producer, info: graphene.ResolveInfo
    ) -> models.OnboardingApplication | None:
        if not can_see_private(info, root):
            return None
        return selectors.application_for_producer(producer=root)

    @staticmethod
    def resolve_documents(
        root: models.Producer, info: graphene.ResolveInfo
    ) -> list[models.ProducerDocument] | None:
        if not can_see_private(info, root):
            return None
        return list(selectors.documents_for_producer(producer=root))

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.Producer)


class ProducerCountableConnection(CountableConnection):
    class Meta:
        node = Producer
        description = "A page of producers."
