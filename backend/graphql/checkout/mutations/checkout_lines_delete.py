from __future__ import annotations

from typing import Any

import graphene

from backend.checkout import services
from backend.graphql.checkout.mutations.base import CheckoutMutation, pk_of
from backend.graphql.checkout.types import CheckoutError


class CheckoutLinesDelete(CheckoutMutation):
    class Arguments:
        id = graphene.ID(description="ID of the checkout.")
        token = graphene.UUID(description="Token of the checkout (deprecated: use id).")
        lines_ids = graphene.List(
            graphene.NonNull(graphene.ID), required=True, description="Lines to remove."
        )

    class Meta:
        description = "Remove lines."
        error_type_class = CheckoutError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        checkout = cls.get_checkout(info, data)
        ids = [pk_of(line_id, "CheckoutLine", "line_id") for line_id in data["lines_ids"]]
        services.checkout_lines_delete(checkout=checkout, line_ids=ids)
        return cls.success(checkout=checkout)
