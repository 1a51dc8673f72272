from __future__ import annotations

from typing import Any

import graphene

from backend.accounts import services, throttling
from backend.graphql.account.inputs import AccountRegisterInput
from backend.graphql.account.types import AccountError, User
from backend.graphql.core.enums import enum_value
from backend.graphql.core.metadata import metadata_dict
from backend.graphql.core.mutations import BaseMutation


class AccountRegister(BaseMutation):
    requires_confirmation = graphene.Boolean(
        description="Whether the account must be confirmed from the emailed link."
    )
    user = graphene.Field(
        User,
        description="Always null: the answer never reveals whether the email had an account.",
        deprecation_reason="Sign in with tokenCreate instead.",
    )

    class Arguments:
        input = AccountRegisterInput(required=True, description="The new account.")

    class Meta:
        description = (
            "Register a shopper account. The answer is the same whether or not the email "
            "is already registered. Too many requests from one IP (ACCOUNT_REGISTER_RATE_LIMIT) "
            "answer TOO_MANY_REQUESTS."
        )
        error_type_class = AccountError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        throttling.client_rate_limit_check("register", throttling.client_ip(info.context))
        value = data["input"]
        requires_confirmation = services.user_register(
            email=value["email"],
            password=value["password"],
            first_name=value.get("first_name") or "",
            last_name=value.get("last_name") or "",
            language_code=str(enum_value(value.get("language_code")) or "vi"),
            redirect_url=value.get("redirect_url"),
            metadata=metadata_dict(value.get("metadata")),
        )
        return cls.success(requires_confirmation=requires_confirmation, user=None)
