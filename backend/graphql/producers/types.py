"""The Producer type: the seller behind a product (our extension; Saleor has no sellers)."""

from __future__ import annotations

import graphene

from backend.graphql.core.units import Commune, Province
from backend.graphql.producers.enums import ProducerLegalFormEnum
from producers import models


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

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "A producer (chủ thể OCOP) selling on the marketplace."

    @staticmethod
    def resolve_legal_form(root: models.Producer, info: graphene.ResolveInfo) -> str:
        return root.legal_form

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

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.Producer)
