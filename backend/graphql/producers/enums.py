import graphene

from producers.error_codes import ProducerErrorCode
from producers.models import (
    ApplicationStatus,
    DocumentType,
    LegalForm,
    MemberRole,
    ProducerStatus,
)

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
OnboardingApplicationStatusEnum = graphene.Enum(
    "OnboardingApplicationStatusEnum",
    [(choice.name, choice.value) for choice in ApplicationStatus],
    description="State of a producer's onboarding application.",
)
ProducerDocumentTypeEnum = graphene.Enum(
    "ProducerDocumentTypeEnum",
    [(choice.name, choice.value) for choice in DocumentType],
    description="Kind of producer document (business licence, food-safety certificate...).",
)
ProducerMemberRoleEnum = graphene.Enum(
    "ProducerMemberRoleEnum",
    [(choice.name, choice.value) for choice in MemberRole],
    description="Role of a user at a producer.",
)
ProducerApplicationDecisionEnum = graphene.Enum(
    "ProducerApplicationDecisionEnum",
    [("APPROVE", "approve"), ("REJECT", "reject"), ("REQUEST_CHANGES", "request_changes")],
    description="A reviewer's decision on an onboarding application.",
)
ProducerErrorCodeEnum = graphene.Enum(
    "ProducerErrorCode",
    [(code.name, code.value) for code in ProducerErrorCode],
    description="Error codes of producer mutations.",
)
