from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import ValidationError

from backend.accounts import jwt_tokens
from backend.accounts.authentication import accepted_issuers, api_issuer
from backend.accounts.error_codes import AccountErrorCode
from backend.graphql.account.types import AccountError, User
from backend.graphql.core.mutations import BaseMutation


class RefreshToken(BaseMutation):
    token = graphene.String(description="A new access token.")
    user = graphene.Field(User, description="The token's user.")

    class Arguments:
        refresh_token = graphene.String(description="The refresh token from tokenCreate.")
        csrf_token = graphene.String(
            description="The CSRF token from tokenCreate; checked when given."
        )

    class Meta:
        description = "Get a new access token from a refresh token."
        error_type_class = AccountError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        refresh_token = data.get("refresh_token")
        if not refresh_token:
            raise ValidationError(
                {
                    "refresh_token": ValidationError(
                        "Missing refreshToken", code=AccountErrorCode.JWT_MISSING_TOKEN.value
                    )
                }
            )
        payload, user = jwt_tokens.verify(
            refresh_token,
            issuers=accepted_issuers(info.context),
            field="refresh_token",
            token_type=jwt_tokens.REFRESH,
        )
        csrf_token = data.get("csrf_token")
        if csrf_token is not None and not jwt_tokens.csrf_tokens_match(
            csrf_token, str(payload.get("csrfToken", ""))
        ):
            raise ValidationError(
                {
                    "csrf_token": ValidationError(
                        "Invalid csrf token", code=AccountErrorCode.JWT_INVALID_CSRF_TOKEN.value
                    )
                }
            )
        token = jwt_tokens.create_access_token(user, issuer=api_issuer(info.context))
        return cls.success(token=token, user=user)
