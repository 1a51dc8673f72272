from __future__ import annotations

from typing import Any

import graphene

from backend.accounts import services, throttling
from backend.accounts.authentication import api_issuer
from backend.graphql.account.types import AccountError, User
from backend.graphql.core.mutations import BaseMutation


class CreateToken(BaseMutation):
    token = graphene.String(description="Access token (JWT, 5 minutes).")
    refresh_token = graphene.String(description="Refresh token (JWT, 30 days).")
    csrf_token = graphene.String(description="CSRF token bound to the refresh token.")
    user = graphene.Field(User, description="The signed-in user.")

    class Arguments:
        email = graphene.String(required=True, description="Email of the user.")
        password = graphene.String(required=True, description="Password of the user.")
        audience = graphene.String(description="Not supported; accepted for compatibility.")

    class Meta:
        description = (
            "Sign in: create an access token and a refresh token. Too many failures for one "
            "email or IP, or too many attempts from one IP (SIGN_IN_RATE_LIMIT), answer "
            "LOGIN_ATTEMPT_DELAYED."
        )
        error_type_class = AccountError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        ip = throttling.client_ip(info.context)
        throttling.client_rate_limit_check("sign_in", ip)
        user = services.user_authenticate(email=data["email"], password=data["password"], ip=ip)
        tokens = services.tokens_issue(user=user, issuer=api_issuer(info.context))
        info.context.user = user
        return cls.success(
            token=tokens.token,
            refresh_token=tokens.refresh_token,
            csrf_token=tokens.csrf_token,
            user=user,
        )
