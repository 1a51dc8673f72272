from __future__ import annotations

from typing import Any

import graphene

from backend.checkout import services
from backend.graphql.checkout.mutations.base import CheckoutMutation, pk_of
from backend.graphql.checkout.types import CheckoutError


class CheckoutDeliveryMethodUpdate(CheckoutMutation):
    class Arguments:
        id = graphene.ID(description="ID of the checkout.")
        token = graphene.UUID(description="Token of the checkout (deprecated: use id).")
        delivery_method_id = graphene.ID(description="ID of a ShippingMethod.")

    class Meta:
        description = (
            "Choose a delivery method for its producer's group; other groups without a "
            "choice get their cheapest method."
        )
        error_type_class = CheckoutError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        checkout = cls.get_checkout(info, data)
        method_id = pk_of(
            data.get("delivery_method_id") or "", "ShippingMethod", "delivery_method_id"
        )
        services.checkout_delivery_method_update(checkout=checkout, method_id=method_id)
        return cls.success(checkout=checkout)
