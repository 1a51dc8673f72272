from __future__ import annotations

from typing import Any

import graphene

from backend.accounts import services
from backend.graphql.account.mutations.base import acting_user, is_authenticated
from backend.graphql.account.types import AccountError
from backend.graphql.core.mutations import BaseMutation


class DeactivateAllUserTokens(BaseMutation):
    class Meta:
        description = "Revoke every token of the signed-in user (sign out everywhere)."
        error_type_class = AccountError
        permission_check = is_authenticated

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        services.tokens_deactivate_all(actor=acting_user(info))
        return cls.success()
