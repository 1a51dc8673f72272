from __future__ import annotations

from typing import Any

import graphene

from backend.accounts import addresses
from backend.graphql.account.enums import AddressTypeEnum
from backend.graphql.account.mutations.base import acting_user, is_authenticated
from backend.graphql.account.types import AccountError, User
from backend.graphql.core.enums import enum_value
from backend.graphql.core.ids import pk_from_global_id
from backend.graphql.core.mutations import BaseMutation


class AccountSetDefaultAddress(BaseMutation):
    user = graphene.Field(User, description="The updated user.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of one of the user's addresses.")
        type = AddressTypeEnum(required=True, description="Which default to set.")

    class Meta:
        description = "Make one of the signed-in user's addresses a default."
        error_type_class = AccountError
        permission_check = is_authenticated

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        user = addresses.address_set_default(
            actor=acting_user(info),
            address_id=pk_from_global_id(data["id"], type_name="Address"),
            address_type=str(enum_value(data["type"])),
        )
        return cls.success(user=user)
