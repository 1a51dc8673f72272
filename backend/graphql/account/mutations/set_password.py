from __future__ import annotations

from typing import Any

import graphene

from backend.accounts import services
from backend.accounts.authentication import api_issuer
from backend.graphql.account.types import AccountError, User
from backend.graphql.core.mutations import BaseMutation


class SetPassword(BaseMutation):
    token = graphene.String(description="Access token (JWT, 5 minutes).")
    refresh_token = graphene.String(description="Refresh token (JWT, 30 days).")
    csrf_token = graphene.String(description="CSRF token bound to the refresh token.")
    user = graphene.Field(User, description="The user, signed in.")

    class Arguments:
        email = graphene.String(required=True, description="Email of the account.")
        password = graphene.String(required=True, description="The new password.")
        token = graphene.String(required=True, description="Token from the emailed link.")

    class Meta:
        description = (
            "Set a new password from a reset link and sign in; every older token is revoked."
        )
        error_type_class = AccountError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        user = services.password_set(
            email=data["email"], password=data["password"], token=data["token"]
        )
        tokens = services.tokens_issue(user=user, issuer=api_issuer(info.context))
        return cls.success(
            token=tokens.token,
            refresh_token=tokens.refresh_token,
            csrf_token=tokens.csrf_token,
            user=user,
        )
