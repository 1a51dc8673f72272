from __future__ import annotations

from typing import Any

import graphene

from backend.accounts import services
from backend.graphql.account.mutations.base import acting_user, is_authenticated
from backend.graphql.account.types import AccountError
from backend.graphql.core.mutations import BaseMutation


class AccountRequestDeletion(BaseMutation):
    class Arguments:
        redirect_url = graphene.String(
            required=True, description="Storefront URL the email links to (with email and token)."
        )
        channel = graphene.String(description="Channel slug; accepted for Saleor compatibility.")

    class Meta:
        description = "Email the signed-in user a link that confirms deleting the account."
        error_type_class = AccountError
        permission_check = is_authenticated

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        services.user_request_deletion(actor=acting_user(info), redirect_url=data["redirect_url"])
        return cls.success()
