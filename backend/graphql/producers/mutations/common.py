"""Helpers shared by the producer mutations."""

from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.ids import decode_id_for_input
from backend.graphql.producers.enums import ProducerLegalFormEnum


def enum_value(value: Any) -> Any:
    """graphene 3 hands enum arguments over as members; services take the plain value."""
    return getattr(value, "value", value)


def producer_pk(global_id: str, *, field: str = "id") -> str:
    return decode_id_for_input(global_id, "Producer", field=field)


def profile_data(input_data: dict[str, Any]) -> dict[str, Any]:
    """Fields the client set (null means "leave unchanged"), with enums as plain values."""
    return {key: enum_value(value) for key, value in input_data.items() if value is not None}


class ProducerInput(graphene.InputObjectType):
    legal_name = graphene.String(description="Registered legal name.")
    name = graphene.String(description="Trade name shown to shoppers.")
    legal_form = graphene.Field(ProducerLegalFormEnum, description="Legal form.")
    tax_code = graphene.String(description="Tax code: 10 or 13 digits.")
    business_registration_number = graphene.String(description="Business registration number.")
    province_code = graphene.String(description="Province code (2025 units), e.g. 38.")
    commune_code = graphene.String(description="Commune or ward code within the province.")
    street_address = graphene.String(description="Street address, village or hamlet.")
    phone = graphene.String(description="Contact phone.")
    email = graphene.String(description="Contact email.")
    description = graphene.String(description="About the producer.")
    payout_bank_bin = graphene.String(description="NAPAS BIN of the payout bank (6 digits).")
    payout_account_number = graphene.String(description="Payout bank account number.")
    payout_account_holder = graphene.String(description="Payout bank account holder.")

    class Meta:
        description = "Producer profile fields; null leaves a field unchanged."


class ProducerCreateInput(ProducerInput):
    legal_name = graphene.String(required=True, description="Registered legal name.")
    name = graphene.String(required=True, description="Trade name shown to shoppers.")
    legal_form = graphene.Field(ProducerLegalFormEnum, required=True, description="Legal form.")
    province_code = graphene.String(
        required=True, description="Province code (2025 units), e.g. 38."
    )

    class Meta:
        description = "Fields to register a producer."
