"""Saleor's account inputs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import graphene

from backend.accounts.addresses import ADDRESS_FIELDS
from backend.graphql.core.enums import CountryCode, LanguageCodeEnum, enum_value
from backend.graphql.core.metadata import MetadataInput


class AddressInput(graphene.InputObjectType):
    first_name = graphene.String(description="Given name.")
    last_name = graphene.String(description="Family name.")
    company_name = graphene.String(description="Company or organisation.")
    street_address_1 = graphene.String(description="House number, street, hamlet.")
    street_address_2 = graphene.String(description="More street details.")
    city = graphene.String(
        description="Commune or ward of countryArea: name (with or without diacritics) or "
        "5-digit code."
    )
    city_area = graphene.String(description="Village or area, free text.")
    postal_code = graphene.String(description="Postal code, 5 or 6 digits (optional).")
    country = graphene.Field(CountryCode, description="Country; only VN is served.")
    country_area = graphene.String(
        description="Province: name (with or without diacritics; pre-2025 names are mapped "
        "when possible) or 2-digit code."
    )
    phone = graphene.String(
        description="Vietnamese phone number (0912345678, +84912345678 or 84912345678); "
        "stored in E.164."
    )
    metadata = graphene.List(graphene.NonNull(MetadataInput), description="Public metadata.")
    skip_validation = graphene.Boolean(
        description="Not honoured: addresses are always validated against the unit list."
    )


def address_data(value: Mapping[str, Any]) -> dict[str, Any]:
    """AddressInput as the ``address_clean`` mapping (only the fields given)."""
    return {key: enum_value(value[key]) for key in ADDRESS_FIELDS if key in value}


class AccountRegisterInput(graphene.InputObjectType):
    first_name = graphene.String(description="Given name.")
    last_name = graphene.String(description="Family name.")
    language_code = graphene.Field(LanguageCodeEnum, description="Preferred language.")
    email = graphene.String(required=True, description="Email address (sign-in name).")
    password = graphene.String(required=True, description="Password.")
    redirect_url = graphene.String(
        description="Storefront URL the confirmation email links to (with email and token); "
        "required while confirmation is on."
    )
    metadata = graphene.List(graphene.NonNull(MetadataInput), description="Public metadata.")
    channel = graphene.String(description="Channel slug; accepted for Saleor compatibility.")


class AccountInput(graphene.InputObjectType):
    first_name = graphene.String(description="Given name.")
    last_name = graphene.String(description="Family name.")
    language_code = graphene.Field(LanguageCodeEnum, description="Preferred language.")
    default_billing_address = graphene.Field(
        AddressInput, description="A new address, made the default billing address."
    )
    default_shipping_address = graphene.Field(
        AddressInput, description="A new address, made the default shipping address."
    )
    metadata = graphene.List(graphene.NonNull(MetadataInput), description="Public metadata.")
