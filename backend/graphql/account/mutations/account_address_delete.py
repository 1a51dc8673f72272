from __future__ import annotations

from typing import Any

import graphene

from backend.accounts import addresses
from backend.graphql.account.mutations.base import acting_user, is_authenticated
from backend.graphql.account.types import AccountError, Address, User
from backend.graphql.core.ids import pk_from_global_id
from backend.graphql.core.mutations import BaseMutation


class AccountAddressDelete(BaseMutation):
    user = graphene.Field(User, description="The address book's owner.")
    address = graphene.Field(Address, description="The deleted address.")

    class Arguments:
        id = graphene.ID(required=True, description="ID of one of the user's addresses.")

    class Meta:
        description = (
            "Delete one of the signed-in user's addresses. Anyone else's answers NOT_FOUND."
        )
        error_type_class = AccountError
        permission_check = is_authenticated

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        user = acting_user(info)
        address = addresses.address_delete(
            actor=user, address_id=pk_from_global_id(data["id"], type_name="Address")
        )
        return cls.success(user=user, address=address)
