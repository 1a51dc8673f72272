"""What every checkout mutation shares: finding the checkout and Saleor's error shape."""

from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import ValidationError
from graphql_relay import from_global_id, to_global_id

from backend.checkout.models import Checkout
from backend.checkout.selectors import checkout_get_for_user
from backend.core.errors import NotFound
from backend.graphql.checkout.types import CheckoutError
from backend.graphql.core.errors import normalise_code, to_snake_field
from backend.graphql.core.global_ids import pk_from_global_id
from backend.graphql.core.mutations import BaseMutation


def checkout_token(data: dict[str, Any]) -> str:
    """The token from ``id`` (global ID "Checkout:<token>"), ``token`` or ``checkoutId``."""
    if data.get("token"):
        return str(data["token"])
    global_id = data.get("id") or data.get("checkout_id")
    if not global_id:
        raise ValidationError({"id": ValidationError("ID is required.", code="REQUIRED")})
    try:
        type_name, token = from_global_id(global_id)
    except (ValueError, TypeError, UnicodeDecodeError):
        type_name, token = "", ""
    if type_name != "Checkout":
        raise ValidationError(
            {
                "id": ValidationError(
                    "Couldn't resolve id: %(id)s.", code="GRAPHQL_ERROR", params={"id": global_id}
                )
            }
        )
    return token


def pk_of(global_id: str, type_name: str, field: str) -> int:
    return pk_from_global_id(global_id, type_name=type_name, field=field)


class CheckoutMutation(BaseMutation):
    checkout = graphene.Field(
        "backend.graphql.checkout.types.Checkout", description="The checkout."
    )

    class Meta:
        abstract = True

    @classmethod
    def get_checkout(cls, info: graphene.ResolveInfo, data: dict[str, Any]) -> Checkout:
        return checkout_get_for_user(
            actor=info.context.user, token=checkout_token(data), for_update=True
        )

    @classmethod
    def error_payload(cls, errors: list[dict[str, Any]]) -> Any:
        enum = CheckoutError._meta.fields["code"].type.of_type._meta.enum
        shaped = []
        for item in errors:
            params = item.get("params") or {}
            variants = params.get("variant_pks")
            shaped.append(
                CheckoutError(
                    field=item["field"],
                    message=item["message"],
                    code=normalise_code(item["code"], enum),
                    variants=[to_global_id("ProductVariant", pk) for pk in variants]
                    if variants
                    else None,
                    address_type=params.get("address_type"),
                )
            )
        return cls(errors=shaped)


__all__ = ["CheckoutMutation", "NotFound", "checkout_token", "pk_of", "to_snake_field"]
