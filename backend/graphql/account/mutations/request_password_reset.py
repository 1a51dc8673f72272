from __future__ import annotations

from typing import Any

import graphene

from backend.accounts import services, throttling
from backend.graphql.account.types import AccountError
from backend.graphql.core.mutations import BaseMutation


class RequestPasswordReset(BaseMutation):
    class Arguments:
        email = graphene.String(required=True, description="Email of the account.")
        redirect_url = graphene.String(
            required=True, description="Storefront URL the email links to (with email and token)."
        )
        channel = graphene.String(description="Channel slug; accepted for Saleor compatibility.")

    class Meta:
        description = (
            "Email a password reset link. The answer is the same whether or not the email "
            "has an account. Too many requests from one IP (PASSWORD_RESET_RATE_LIMIT) answer "
            "PASSWORD_RESET_ALREADY_REQUESTED."
        )
        error_type_class = AccountError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        throttling.client_rate_limit_check("password_reset", throttling.client_ip(info.context))
        services.password_reset_request(email=data["email"], redirect_url=data["redirect_url"])
        return cls.success()
