from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.mutations import BaseMutation
from backend.graphql.ocop.mutations.common import application_for_action, is_signed_in
from backend.graphql.ocop.types import OcopApplication, OcopError
from backend.ocop import services


class OcopApplicationSubmit(BaseMutation):
    application = graphene.Field(OcopApplication, description="The submitted application.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of the draft application.")

    class Meta:
        description = "Send a draft OCOP application to the commune for pre-assessment."
        error_type_class = OcopError
        permission_check = staticmethod(is_signed_in)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        application = services.application_submit(
            actor=info.context.user, application=application_for_action(info, data["id"])
        )
        return cls.success(application=application)
