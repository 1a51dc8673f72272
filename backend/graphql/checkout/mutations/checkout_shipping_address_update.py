from __future__ import annotations

from typing import Any

import graphene

from backend.checkout import services
from backend.graphql.account.inputs import AddressInput, address_data
from backend.graphql.checkout.inputs import CheckoutAddressValidationRules
from backend.graphql.checkout.mutations.base import CheckoutMutation
from backend.graphql.checkout.types import CheckoutError


class CheckoutShippingAddressUpdate(CheckoutMutation):
    class Arguments:
        id = graphene.ID(description="ID of the checkout.")
        token = graphene.UUID(description="Token of the checkout (deprecated: use id).")
        checkout_id = graphene.ID(description="ID of the checkout (deprecated: use id).")
        shipping_address = AddressInput(required=True, description="The address.")
        save_address = graphene.Boolean(
            default_value=True,
            description="Whether completing the checkout saves the shipping address to the "
            "signed-in shopper's address book (unless an identical one is there). Default: true.",
        )
        validation_rules = CheckoutAddressValidationRules(description="Accepted; always validated.")

    class Meta:
        description = "Set the shipping address (commune must lie in the province)."
        error_type_class = CheckoutError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        checkout = cls.get_checkout(info, data)
        services.checkout_address_update(
            checkout=checkout,
            data=address_data(data["shipping_address"]),
            address_type="shipping",
            save_address=data.get("save_address"),
        )
        return cls.success(checkout=checkout)
