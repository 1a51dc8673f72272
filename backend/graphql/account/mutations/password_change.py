from __future__ import annotations

from typing import Any

import graphene

from backend.accounts import services
from backend.graphql.account.mutations.base import acting_user, is_authenticated
from backend.graphql.account.types import AccountError, User
from backend.graphql.core.mutations import BaseMutation


class PasswordChange(BaseMutation):
    user = graphene.Field(User, description="The user with the new password.")

    class Arguments:
        old_password = graphene.String(description="The current password.")
        new_password = graphene.String(required=True, description="The new password.")

    class Meta:
        description = (
            "Change the signed-in user's password. Every existing token is revoked: sign in "
            "again with tokenCreate."
        )
        error_type_class = AccountError
        permission_check = is_authenticated

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        user = services.password_change(
            actor=acting_user(info),
            old_password=data.get("old_password"),
            new_password=data["new_password"],
        )
        return cls.success(user=user)
