import graphene

from backend.graphql.ocop.enums import OcopApplicationStatusEnum, OcopCertificateStatusEnum


class OcopApplicationFilterInput(graphene.InputObjectType):
    status = graphene.Field(OcopApplicationStatusEnum, description="Only this status.")

    class Meta:
        description = "Filter OCOP applications."


class OcopCertificateFilterInput(graphene.InputObjectType):
    search = graphene.String(
        description="Certificate number, product name or producer name (accents optional)."
    )
    province_code = graphene.String(description="Province code of the producer, e.g. 38.")
    stars = graphene.Int(description="Only this star rank (3-5).")
    status = graphene.Field(OcopCertificateStatusEnum, description="Only this status (now).")

    class Meta:
        description = "Filter the public OCOP certificate registry."
