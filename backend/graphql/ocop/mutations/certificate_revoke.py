from __future__ import annotations

from typing import Any

import graphene

from backend.core.errors import NotFound
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.ocop.mutations.common import is_signed_in
from backend.graphql.ocop.types import OcopCertificate, OcopError
from backend.ocop import certificate_services, selectors


class OcopCertificateRevoke(BaseMutation):
    certificate = graphene.Field(OcopCertificate, description="The revoked certificate.")

    class Arguments:
        number = graphene.String(required=True, description="Certificate number.")
        reason = graphene.String(required=True, description="Why it is revoked (public).")

    class Meta:
        description = "Revoke a certificate at once (the approver competent for its stars)."
        error_type_class = OcopError
        permission_check = staticmethod(is_signed_in)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        certificate = selectors.certificate_get_by_number(data["number"])
        if certificate is None:
            raise NotFound("Không tìm thấy giấy chứng nhận.", field="number")
        certificate = certificate_services.certificate_revoke(
            actor=info.context.user, certificate=certificate, reason=data["reason"]
        )
        return cls.success(certificate=certificate)
