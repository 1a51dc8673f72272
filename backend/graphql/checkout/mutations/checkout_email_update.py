from __future__ import annotations

from typing import Any

import graphene

from backend.checkout import services
from backend.graphql.checkout.mutations.base import CheckoutMutation
from backend.graphql.checkout.types import CheckoutError


class CheckoutEmailUpdate(CheckoutMutation):
    class Arguments:
        id = graphene.ID(description="ID of the checkout.")
        token = graphene.UUID(description="Token of the checkout (deprecated: use id).")
        checkout_id = graphene.ID(description="ID of the checkout (deprecated: use id).")
        email = graphene.String(required=True, description="Email address.")

    class Meta:
        description = "Set the email the order confirmation goes to."
        error_type_class = CheckoutError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        checkout = cls.get_checkout(info, data)
        services.checkout_email_update(checkout=checkout, email=data["email"])
        return cls.success(checkout=checkout)
