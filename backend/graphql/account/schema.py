"""Account queries and mutations, with Saleor's names."""

from __future__ import annotations

from typing import Any

import graphene

from backend.accounts.addresses import address_validation_rules
from backend.graphql.account.mutations.account_address_create import AccountAddressCreate
from backend.graphql.account.mutations.account_address_delete import AccountAddressDelete
from backend.graphql.account.mutations.account_address_update import AccountAddressUpdate
from backend.graphql.account.mutations.account_data_export import AccountDataExport
from backend.graphql.account.mutations.account_delete import AccountDelete
from backend.graphql.account.mutations.account_register import AccountRegister
from backend.graphql.account.mutations.account_request_deletion import AccountRequestDeletion
from backend.graphql.account.mutations.account_set_default_address import (
    AccountSetDefaultAddress,
)
from backend.graphql.account.mutations.account_update import AccountUpdate
from backend.graphql.account.mutations.confirm_account import ConfirmAccount
from backend.graphql.account.mutations.password_change import PasswordChange
from backend.graphql.account.mutations.request_password_reset import RequestPasswordReset
from backend.graphql.account.mutations.set_password import SetPassword
from backend.graphql.account.mutations.token_create import CreateToken
from backend.graphql.account.mutations.token_refresh import RefreshToken
from backend.graphql.account.mutations.token_verify import VerifyToken
from backend.graphql.account.mutations.tokens_deactivate_all import DeactivateAllUserTokens
from backend.graphql.account.types import AddressValidationData, ChoiceValue, User
from backend.graphql.core.enums import CountryCode


class AccountQueries(graphene.ObjectType):
    me = graphene.Field(User, description="The signed-in user, or null when anonymous.")
    address_validation_rules = graphene.Field(
        AddressValidationData,
        country_code=graphene.Argument(CountryCode, required=True, description="Country: VN."),
        country_area=graphene.String(
            description="A province (name or code): cityChoices then lists its communes."
        ),
        city=graphene.String(description="Accepted for Saleor compatibility."),
        city_area=graphene.String(description="Accepted for Saleor compatibility."),
        description="How to write an address in Việt Nam, with provinces and communes.",
    )

    @staticmethod
    def resolve_me(root: Any, info: graphene.ResolveInfo) -> Any:
        user = info.context.user
        return user if user.is_authenticated else None

    @staticmethod
    def resolve_address_validation_rules(
        root: Any, info: graphene.ResolveInfo, country_code: Any, **data: Any
    ) -> AddressValidationData:
        rules = address_validation_rules(country_area=data.get("country_area"))
        for key in ("country_area_choices", "city_choices", "city_area_choices"):
            rules[key] = [ChoiceValue(**choice) for choice in rules[key]]
        return AddressValidationData(**rules)


class AccountMutations(graphene.ObjectType):
    token_create = CreateToken.Field(description="Sign in with email and password.")
    token_refresh = RefreshToken.Field(description="New access token from a refresh token.")
    token_verify = VerifyToken.Field(description="Check a token.")
    tokens_deactivate_all = DeactivateAllUserTokens.Field(
        description="Revoke every token of the signed-in user."
    )
    request_password_reset = RequestPasswordReset.Field(description="Email a reset link.")
    confirm_account = ConfirmAccount.Field(description="Confirm an account's email.")
    set_password = SetPassword.Field(description="Set a password from a reset link.")
    password_change = PasswordChange.Field(description="Change the signed-in user's password.")
    account_address_create = AccountAddressCreate.Field(description="Add an address.")
    account_address_update = AccountAddressUpdate.Field(description="Change an address.")
    account_address_delete = AccountAddressDelete.Field(description="Delete an address.")
    account_set_default_address = AccountSetDefaultAddress.Field(
        description="Set a default address."
    )
    account_register = AccountRegister.Field(description="Register a shopper account.")
    account_update = AccountUpdate.Field(description="Update the signed-in user's account.")
    account_request_deletion = AccountRequestDeletion.Field(
        description="Email a link that confirms deleting the account."
    )
    account_delete = AccountDelete.Field(description="Delete the signed-in user's account.")
    account_data_export = AccountDataExport.Field(
        description="OCOP extension: export one's own personal data as JSON."
    )
