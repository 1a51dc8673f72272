from __future__ import annotations

import json
from typing import Any

import graphene

from backend.accounts import services
from backend.graphql.account.mutations.base import acting_user, is_authenticated
from backend.graphql.account.types import AccountError
from backend.graphql.core.mutations import BaseMutation


class AccountDataExport(BaseMutation):
    data = graphene.JSONString(
        description="Everything held about the account: profile, addresses, history and "
        "sections added by other apps (e.g. orders)."
    )

    class Meta:
        description = (
            "OCOP extension: export the signed-in user's personal data as JSON (the right of "
            "access under Việt Nam's personal data protection law)."
        )
        error_type_class = AccountError
        permission_check = is_authenticated

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        exported = services.user_data_export(actor=acting_user(info))
        return cls.success(data=json.loads(json.dumps(exported, default=str)))
