import graphene

from producers.models import LegalForm, ProducerStatus

ProducerLegalFormEnum = graphene.Enum(
    "ProducerLegalFormEnum",
    [(choice.name, choice.value) for choice in LegalForm],
    description="Legal form of a producer (chủ thể OCOP).",
)
ProducerStatusEnum = graphene.Enum(
    "ProducerStatusEnum",
    [(choice.name, choice.value) for choice in ProducerStatus],
    description="Where a producer is in onboarding.",
)
