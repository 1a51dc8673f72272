from __future__ import annotations

from typing import Any

import graphene

from backend.checkout.complete import checkout_complete
from backend.graphql.checkout.mutations.base import CheckoutMutation, checkout_token
from backend.graphql.checkout.types import CheckoutError
from backend.graphql.core.metadata import MetadataInput, metadata_dict


class CheckoutComplete(CheckoutMutation):
    order = graphene.Field("backend.graphql.orders.types.Order", description="The order placed.")
    confirmation_needed = graphene.Boolean(
        required=True, description="Always false: no extra confirmation step."
    )
    confirmation_data = graphene.JSONString(description="Always null.")

    class Arguments:
        id = graphene.ID(description="ID of the checkout.")
        token = graphene.UUID(description="Token of the checkout (deprecated: use id).")
        checkout_id = graphene.ID(description="ID of the checkout (deprecated: use id).")
        payment_data = graphene.JSONString(
            description='The gateway to pay with: {"gateway": "cod" | "vietqr" | "stripe"}; '
            "cash on delivery when absent."
        )
        redirect_url = graphene.String(description="Where the storefront continues.")
        metadata = graphene.List(graphene.NonNull(MetadataInput), description="Order metadata.")
        store_source = graphene.Boolean(description="Accepted for Saleor compatibility.")

    class Meta:
        description = (
            "Place the order: stock is reserved, one fulfilment group per producer. Completing "
            "the same checkout again returns the same order."
        )
        error_type_class = CheckoutError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        order = checkout_complete(
            actor=info.context.user,
            token=checkout_token(data),
            payment_data=data.get("payment_data"),
            metadata=metadata_dict(data.get("metadata")),
            redirect_url=data.get("redirect_url") or "",
        )
        return cls.success(order=order, confirmation_needed=False)
