from __future__ import annotations

from typing import Any

import graphene

from backend.checkout import services
from backend.graphql.account.mutations.base import acting_user, is_authenticated
from backend.graphql.checkout.mutations.base import CheckoutMutation
from backend.graphql.checkout.types import CheckoutError


class CheckoutCustomerAttach(CheckoutMutation):
    class Arguments:
        id = graphene.ID(description="ID of the checkout.")
        token = graphene.UUID(description="Token of the checkout (deprecated: use id).")
        checkout_id = graphene.ID(description="ID of the checkout (deprecated: use id).")
        customer_id = graphene.ID(description="Only the signed-in user's own ID is accepted.")

    class Meta:
        description = "Attach the signed-in shopper to a guest checkout."
        error_type_class = CheckoutError
        permission_check = is_authenticated

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        user = acting_user(info, data.get("customer_id"))
        checkout = cls.get_checkout(info, data)
        services.checkout_customer_attach(actor=user, checkout=checkout)
        return cls.success(checkout=checkout)
