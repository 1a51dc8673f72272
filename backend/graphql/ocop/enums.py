import graphene

from backend.ocop.error_codes import OcopErrorCode as OcopErrorCodeValues
from backend.ocop.models import ApplicationStatus, CertificateStatus, OfficialRole

OcopErrorCode = graphene.Enum.from_enum(
    OcopErrorCodeValues, description="Stable error codes of OCOP mutations."
)
OcopApplicationStatusEnum = graphene.Enum(
    "OcopApplicationStatusEnum",
    [(choice.name, choice.value) for choice in ApplicationStatus],
    description="Where an OCOP certification application is in its process.",
)
OcopCertificateStatusEnum = graphene.Enum(
    "OcopCertificateStatusEnum",
    [(choice.name, choice.value) for choice in CertificateStatus],
    description="Status of an OCOP certificate as a reader sees it now.",
)
OcopOfficialRoleEnum = graphene.Enum(
    "OcopOfficialRoleEnum",
    [(choice.name, choice.value) for choice in OfficialRole],
    description="What an agriculture official may do.",
)
