from __future__ import annotations

from typing import Any

import graphene

from backend.accounts import addresses
from backend.graphql.account.enums import AddressTypeEnum
from backend.graphql.account.inputs import AddressInput, address_data
from backend.graphql.account.mutations.base import acting_user, is_authenticated
from backend.graphql.account.types import AccountError, Address, User
from backend.graphql.core.enums import enum_value
from backend.graphql.core.metadata import metadata_dict
from backend.graphql.core.mutations import BaseMutation


class AccountAddressCreate(BaseMutation):
    user = graphene.Field(User, description="The address book's owner.")
    address = graphene.Field(Address, description="The new address.")

    class Arguments:
        input = AddressInput(required=True, description="The address.")
        type = AddressTypeEnum(description="Also make it the default of this type.")
        customer_id = graphene.ID(description="Only the signed-in user's own ID is accepted.")

    class Meta:
        description = (
            "Add a validated address to the signed-in user's address book. The first address "
            "becomes the default shipping and billing address."
        )
        error_type_class = AccountError
        permission_check = is_authenticated

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        user = acting_user(info, data.get("customer_id"))
        address_type = enum_value(data.get("type"))
        address = addresses.address_create(
            actor=user,
            data=address_data(data["input"]),
            address_type=str(address_type) if address_type else None,
            metadata=metadata_dict(data["input"].get("metadata")),
        )
        return cls.success(user=user, address=address)
