from __future__ import annotations

from typing import Any

import graphene

from backend.accounts import services
from backend.graphql.account.types import AccountError, User
from backend.graphql.core.mutations import BaseMutation


class ConfirmAccount(BaseMutation):
    user = graphene.Field(User, description="The confirmed user.")

    class Arguments:
        email = graphene.String(required=True, description="Email of the account.")
        token = graphene.String(required=True, description="Token from the emailed link.")
        password = graphene.String(description="Not used; accepted for Saleor compatibility.")

    class Meta:
        description = "Confirm an account's email address from the emailed link."
        error_type_class = AccountError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        user = services.user_confirm(email=data["email"], token=data["token"])
        return cls.success(user=user)
