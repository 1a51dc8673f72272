from __future__ import annotations

from typing import Any

import graphene

from backend.checkout import services
from backend.graphql.account.mutations.base import is_authenticated
from backend.graphql.checkout.mutations.base import CheckoutMutation
from backend.graphql.checkout.types import CheckoutError


class CheckoutCustomerDetach(CheckoutMutation):
    class Arguments:
        id = graphene.ID(description="ID of the checkout.")
        token = graphene.UUID(description="Token of the checkout (deprecated: use id).")
        checkout_id = graphene.ID(description="ID of the checkout (deprecated: use id).")

    class Meta:
        description = "Detach the signed-in shopper from their checkout."
        error_type_class = CheckoutError
        permission_check = is_authenticated

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        checkout = cls.get_checkout(info, data)
        services.checkout_customer_detach(actor=info.context.user, checkout=checkout)
        return cls.success(checkout=checkout)
