from __future__ import annotations

from typing import Any

import graphene

from backend.checkout import services
from backend.graphql.checkout.mutations.base import CheckoutMutation
from backend.graphql.checkout.types import CheckoutError


class CheckoutAddPromoCode(CheckoutMutation):
    class Arguments:
        id = graphene.ID(description="ID of the checkout.")
        token = graphene.UUID(description="Token of the checkout (deprecated: use id).")
        checkout_id = graphene.ID(description="ID of the checkout (deprecated: use id).")
        promo_code = graphene.String(required=True, description="The voucher code.")

    class Meta:
        description = "Apply a voucher code."
        error_type_class = CheckoutError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        checkout = cls.get_checkout(info, data)
        services.checkout_promo_code_add(checkout=checkout, code=data["promo_code"])
        return cls.success(checkout=checkout)
