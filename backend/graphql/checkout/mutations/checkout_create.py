from __future__ import annotations

from typing import Any

import graphene

from backend.checkout import services
from backend.graphql.account.inputs import address_data
from backend.graphql.checkout.inputs import CheckoutCreateInput, line_changes
from backend.graphql.checkout.mutations.base import CheckoutMutation
from backend.graphql.checkout.types import CheckoutError
from backend.graphql.core.enums import enum_value
from backend.graphql.core.metadata import metadata_dict


class CheckoutCreate(CheckoutMutation):
    created = graphene.Boolean(description="Always true when a checkout is returned.")

    class Arguments:
        input = CheckoutCreateInput(required=True, description="The new checkout.")

    class Meta:
        description = "Start a checkout (a signed-in shopper's own, or a guest's)."
        error_type_class = CheckoutError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        value = data["input"]
        language = enum_value(value.get("language_code"))
        checkout = services.checkout_create(
            actor=info.context.user,
            channel_slug=value.get("channel"),
            lines=line_changes(value["lines"], field="lines"),
            email=value.get("email"),
            shipping_address=address_data(value["shipping_address"])
            if value.get("shipping_address")
            else None,
            billing_address=address_data(value["billing_address"])
            if value.get("billing_address")
            else None,
            language_code=str(language) if language else None,
            metadata=metadata_dict(value.get("metadata")),
            save_shipping_address=value.get("save_shipping_address"),
            save_billing_address=value.get("save_billing_address"),
        )
        return cls.success(checkout=checkout, created=True)
