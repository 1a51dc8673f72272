"""OCOP certification: criteria sets (data), officials, applications, assessments, certificates."""

from backend.ocop.models.applications import (
    ApplicationDocument,
    ApplicationStatus,
    Assessment,
    AssessmentLevel,
    AssessmentScore,
    CertificationApplication,
)
from backend.ocop.models.certificates import Certificate, CertificateStatus, IssuerLevel
from backend.ocop.models.criteria import CriteriaPart, CriteriaSet, Criterion
from backend.ocop.models.events import ApplicationEvent, ApplicationEventType
from backend.ocop.models.officials import CENTRAL, OfficialProfile, OfficialRole

__all__ = [
    "CENTRAL",
    "ApplicationDocument",
    "ApplicationEvent",
    "ApplicationEventType",
    "ApplicationStatus",
    "Assessment",
    "AssessmentLevel",
    "AssessmentScore",
    "Certificate",
    "CertificateStatus",
    "CertificationApplication",
    "CriteriaPart",
    "CriteriaSet",
    "Criterion",
    "IssuerLevel",
    "OfficialProfile",
    "OfficialRole",
]
