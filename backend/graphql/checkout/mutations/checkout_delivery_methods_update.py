from __future__ import annotations

from typing import Any

import graphene

from backend.checkout import services
from backend.graphql.checkout.inputs import CheckoutDeliveryMethodInput
from backend.graphql.checkout.mutations.base import CheckoutMutation, pk_of
from backend.graphql.checkout.types import CheckoutError


class CheckoutDeliveryMethodsUpdate(CheckoutMutation):
    class Arguments:
        id = graphene.ID(required=True, description="ID of the checkout.")
        delivery_methods = graphene.List(
            graphene.NonNull(CheckoutDeliveryMethodInput),
            required=True,
            description="One choice per producer.",
        )

    class Meta:
        description = "OCOP extension: choose one delivery method per producer group."
        error_type_class = CheckoutError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        checkout = cls.get_checkout(info, data)
        choices = [
            (
                pk_of(item["producer_id"], "Producer", "producer_id"),
                pk_of(item["delivery_method_id"], "ShippingMethod", "delivery_method_id"),
            )
            for item in data["delivery_methods"]
        ]
        services.checkout_delivery_methods_update(checkout=checkout, choices=choices)
        return cls.success(checkout=checkout)
