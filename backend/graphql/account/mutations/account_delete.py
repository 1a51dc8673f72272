from __future__ import annotations

from typing import Any

import graphene

from backend.accounts import services
from backend.graphql.account.mutations.base import acting_user, is_authenticated
from backend.graphql.account.types import AccountError, User
from backend.graphql.core.mutations import BaseMutation


class AccountDelete(BaseMutation):
    user = graphene.Field(User, description="Always null: the account no longer exists.")

    class Arguments:
        token = graphene.String(required=True, description="Token from the emailed link.")

    class Meta:
        description = (
            "Delete the signed-in user's account: personal data and addresses are erased and "
            "every token revoked; records the law requires are kept, anonymised."
        )
        error_type_class = AccountError
        permission_check = is_authenticated

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        services.user_delete(actor=acting_user(info), token=data["token"])
        return cls.success(user=None)
