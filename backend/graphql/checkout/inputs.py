"""Saleor's checkout inputs (and OCOP's per-producer delivery choice)."""

from __future__ import annotations

from typing import Any

import graphene

from backend.checkout.services import LineChange
from backend.graphql.account.inputs import AddressInput
from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.ids import pk_from_global_id
from backend.graphql.core.metadata import MetadataInput, metadata_dict


class CheckoutLineInput(graphene.InputObjectType):
    quantity = graphene.Int(required=True, description="Units to add (1-999).")
    variant_id = graphene.ID(required=True, description="ID of the product variant.")
    force_new_line = graphene.Boolean(description="Accepted; a variant always has one line.")
    metadata = graphene.List(graphene.NonNull(MetadataInput), description="Line metadata.")


class CheckoutLineUpdateInput(graphene.InputObjectType):
    variant_id = graphene.ID(description="ID of the variant (deprecated: use lineId).")
    quantity = graphene.Int(description="New quantity; 0 removes the line.")
    line_id = graphene.ID(description="ID of the line.")


class CheckoutAddressValidationRules(graphene.InputObjectType):
    check_required_fields = graphene.Boolean(description="Always on in OCOP Market.")
    check_fields_format = graphene.Boolean(description="Always on in OCOP Market.")
    enable_fields_normalization = graphene.Boolean(description="Always on in OCOP Market.")


class CheckoutValidationRules(graphene.InputObjectType):
    shipping_address = graphene.Field(
        CheckoutAddressValidationRules, description="Shipping address rules (always on)."
    )
    billing_address = graphene.Field(
        CheckoutAddressValidationRules, description="Billing address rules (always on)."
    )


class CheckoutCreateInput(graphene.InputObjectType):
    channel = graphene.String(description="Slug of the channel.")
    lines = graphene.List(
        graphene.NonNull(CheckoutLineInput), required=True, description="Lines to start with."
    )
    email = graphene.String(description="Email for the order.")
    shipping_address = graphene.Field(AddressInput, description="Shipping address.")
    save_shipping_address = graphene.Boolean(
        description="Whether completing the checkout saves the shipping address to the "
        "signed-in shopper's address book. Default: true."
    )
    billing_address = graphene.Field(AddressInput, description="Billing address.")
    save_billing_address = graphene.Boolean(
        description="Whether completing the checkout saves the billing address to the "
        "signed-in shopper's address book. Default: true."
    )
    language_code = graphene.Field(LanguageCodeEnum, description="Language of the checkout.")
    validation_rules = graphene.Field(
        CheckoutValidationRules, description="Accepted; addresses are always validated."
    )
    metadata = graphene.List(graphene.NonNull(MetadataInput), description="Public metadata.")


class CheckoutDeliveryMethodInput(graphene.InputObjectType):
    producer_id = graphene.ID(required=True, description="ID of the producer (its group).")
    delivery_method_id = graphene.ID(required=True, description="ID of its ShippingMethod.")


def line_changes(lines: list[Any], *, field: str = "variant_id") -> list[LineChange]:
    changes = []
    for line in lines:
        line_id = line.get("line_id")
        variant_id = line.get("variant_id")
        changes.append(
            LineChange(
                quantity=line.get("quantity") if line.get("quantity") is not None else 0,
                line_id=pk_from_global_id(line_id, type_name="CheckoutLine", field="line_id")
                if line_id
                else None,
                variant_id=pk_from_global_id(variant_id, type_name="ProductVariant", field=field)
                if variant_id
                else None,
                metadata=metadata_dict(line.get("metadata")),
            )
        )
    return changes
