from __future__ import annotations

from typing import Any

import graphene

from backend.accounts import addresses, services
from backend.graphql.account.inputs import AccountInput, address_data
from backend.graphql.account.mutations.base import acting_user, is_authenticated
from backend.graphql.account.types import AccountError, User
from backend.graphql.core.enums import enum_value
from backend.graphql.core.metadata import metadata_dict
from backend.graphql.core.mutations import BaseMutation


class AccountUpdate(BaseMutation):
    user = graphene.Field(User, description="The updated user.")

    class Arguments:
        input = AccountInput(required=True, description="Fields to change.")
        customer_id = graphene.ID(description="Only the signed-in user's own ID is accepted.")

    class Meta:
        description = (
            "Update the signed-in user's names, language, metadata and default addresses. "
            "Email, staff status and roles cannot be changed here."
        )
        error_type_class = AccountError
        permission_check = is_authenticated

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        user = acting_user(info, data.get("customer_id"))
        value = data["input"]
        language = enum_value(value.get("language_code"))
        services.user_update(
            actor=user,
            first_name=value.get("first_name"),
            last_name=value.get("last_name"),
            language_code=str(language) if language else None,
            metadata=metadata_dict(value.get("metadata")),
        )
        for kind in addresses.AddressType.values:
            given = value.get(f"default_{kind}_address")
            if given is not None:
                addresses.address_create(actor=user, data=address_data(given), address_type=kind)
        return cls.success(user=user)
