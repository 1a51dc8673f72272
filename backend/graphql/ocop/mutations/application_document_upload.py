from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.mutations import BaseMutation
from backend.graphql.core.upload import Upload
from backend.graphql.ocop.mutations.common import application_for_action, is_signed_in
from backend.graphql.ocop.types import OcopApplication, OcopError
from backend.ocop import services


class OcopApplicationDocumentUpload(BaseMutation):
    application = graphene.Field(OcopApplication, description="The application.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the draft application.")
        title = graphene.String(required=True, description="Name of the document.")
        file = Upload(
            required=True,
            description="The file (PDF, JPEG, PNG or WebP), sent as a multipart request part.",
        )

    class Meta:
        description = "Add a dossier document to a draft OCOP application (producer members)."
        error_type_class = OcopError
        permission_check = staticmethod(is_signed_in)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        application = application_for_action(info, data["id"])
        services.application_document_add(
            actor=info.context.user,
            application=application,
            upload=data["file"],
            title=data["title"],
        )
        return cls.success(application=application)
