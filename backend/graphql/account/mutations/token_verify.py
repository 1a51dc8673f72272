from __future__ import annotations

from typing import Any

import graphene
from graphene.types.generic import GenericScalar

from backend.accounts import jwt_tokens
from backend.accounts.authentication import accepted_issuers
from backend.graphql.account.types import AccountError, User
from backend.graphql.core.mutations import BaseMutation


class VerifyToken(BaseMutation):
    user = graphene.Field(User, description="The token's user.")
    is_valid = graphene.Boolean(
        required=True, default_value=False, description="Whether the token is valid."
    )
    payload = GenericScalar(description="The token's claims.")

    class Arguments:
        token = graphene.String(required=True, description="The JWT to check.")

    class Meta:
        description = "Check a token and return its user and claims."
        error_type_class = AccountError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        payload, user = jwt_tokens.verify(
            data["token"], issuers=accepted_issuers(info.context), field="token"
        )
        return cls.success(user=user, is_valid=True, payload=payload)
