from __future__ import annotations

from typing import Any

import graphene

from backend.checkout import services
from backend.graphql.checkout.inputs import CheckoutLineUpdateInput, line_changes
from backend.graphql.checkout.mutations.base import CheckoutMutation
from backend.graphql.checkout.types import CheckoutError


class CheckoutLinesUpdate(CheckoutMutation):
    class Arguments:
        id = graphene.ID(description="ID of the checkout.")
        token = graphene.UUID(description="Token of the checkout (deprecated: use id).")
        checkout_id = graphene.ID(description="ID of the checkout (deprecated: use id).")
        lines = graphene.List(
            graphene.NonNull(CheckoutLineUpdateInput), required=True, description="New quantities."
        )

    class Meta:
        description = "Set line quantities; 0 removes a line."
        error_type_class = CheckoutError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        checkout = cls.get_checkout(info, data)
        services.checkout_lines_update(checkout=checkout, lines=line_changes(data["lines"]))
        return cls.success(checkout=checkout)
