"""Checkout queries and mutations, with Saleor's names."""

from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import ValidationError

from backend.checkout.info import checkout_info
from backend.checkout.selectors import checkout_get_for_user
from backend.core.errors import DomainError
from backend.graphql.checkout.mutations.base import checkout_token
from backend.graphql.checkout.mutations.checkout_add_promo_code import CheckoutAddPromoCode
from backend.graphql.checkout.mutations.checkout_billing_address_update import (
    CheckoutBillingAddressUpdate,
)
from backend.graphql.checkout.mutations.checkout_complete import CheckoutComplete
from backend.graphql.checkout.mutations.checkout_create import CheckoutCreate
from backend.graphql.checkout.mutations.checkout_customer_attach import CheckoutCustomerAttach
from backend.graphql.checkout.mutations.checkout_customer_detach import CheckoutCustomerDetach
from backend.graphql.checkout.mutations.checkout_delivery_method_update import (
    CheckoutDeliveryMethodUpdate,
)
from backend.graphql.checkout.mutations.checkout_delivery_methods_update import (
    CheckoutDeliveryMethodsUpdate,
)
from backend.graphql.checkout.mutations.checkout_email_update import CheckoutEmailUpdate
from backend.graphql.checkout.mutations.checkout_lines_add import CheckoutLinesAdd
from backend.graphql.checkout.mutations.checkout_lines_delete import CheckoutLinesDelete
from backend.graphql.checkout.mutations.checkout_lines_update import CheckoutLinesUpdate
from backend.graphql.checkout.mutations.checkout_remove_promo_code import (
    CheckoutRemovePromoCode,
)
from backend.graphql.checkout.mutations.checkout_shipping_address_update import (
    CheckoutShippingAddressUpdate,
)
from backend.graphql.checkout.types import Checkout, Delivery
from backend.graphql.core.errors import make_error_type


class DeliveryOptionsCalculateErrorCode(graphene.Enum):
    """Error codes of deliveryOptionsCalculate."""

    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    GRAPHQL_ERROR = "GRAPHQL_ERROR"


DeliveryOptionsCalculateError = make_error_type(
    "DeliveryOptionsCalculateError", DeliveryOptionsCalculateErrorCode
)


class DeliveryOptionsCalculate(graphene.Mutation):
    deliveries = graphene.List(
        graphene.NonNull(Delivery), required=True, description="Every applicable option."
    )
    errors = graphene.List(
        graphene.NonNull(DeliveryOptionsCalculateError), required=True, description="Errors."
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of the checkout.")

    class Meta:
        description = "Delivery options of every producer group, priced for the checkout."

    @classmethod
    def mutate(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        try:
            checkout = checkout_get_for_user(actor=info.context.user, token=checkout_token(data))
        except (DomainError, ValidationError) as exc:
            code = getattr(exc, "code", "INVALID")
            error = DeliveryOptionsCalculateError(field="id", message=str(exc), code=code)
            return cls(deliveries=[], errors=[error])
        groups = checkout_info(checkout).groups
        return cls(deliveries=[q for group in groups for q in group.quotes], errors=[])


class CheckoutQueries(graphene.ObjectType):
    checkout = graphene.Field(
        Checkout,
        id=graphene.ID(description="ID of the checkout."),
        token=graphene.UUID(description="Token of the checkout (deprecated: use id)."),
        description="A checkout: a guest's by its ID, a signed-in shopper's only for them.",
    )

    @staticmethod
    def resolve_checkout(root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        try:
            return checkout_get_for_user(actor=info.context.user, token=checkout_token(data))
        except (DomainError, ValidationError):
            return None  # Saleor answers null for unknown (and here: other people's) ids


class CheckoutMutations(graphene.ObjectType):
    checkout_create = CheckoutCreate.Field(description="Start a checkout.")
    checkout_lines_add = CheckoutLinesAdd.Field(description="Add lines.")
    checkout_lines_update = CheckoutLinesUpdate.Field(description="Change line quantities.")
    checkout_lines_delete = CheckoutLinesDelete.Field(description="Remove lines.")
    checkout_email_update = CheckoutEmailUpdate.Field(description="Set the email.")
    checkout_customer_attach = CheckoutCustomerAttach.Field(description="Attach the shopper.")
    checkout_customer_detach = CheckoutCustomerDetach.Field(description="Detach the shopper.")
    checkout_shipping_address_update = CheckoutShippingAddressUpdate.Field(
        description="Set the shipping address."
    )
    checkout_billing_address_update = CheckoutBillingAddressUpdate.Field(
        description="Set the billing address."
    )
    checkout_delivery_method_update = CheckoutDeliveryMethodUpdate.Field(
        description="Choose a delivery method (for its producer's group)."
    )
    checkout_delivery_methods_update = CheckoutDeliveryMethodsUpdate.Field(
        description="OCOP extension: choose one delivery method per producer."
    )
    delivery_options_calculate = DeliveryOptionsCalculate.Field(
        description="List the delivery options of a checkout."
    )
    checkout_add_promo_code = CheckoutAddPromoCode.Field(description="Apply a voucher code.")
    checkout_remove_promo_code = CheckoutRemovePromoCode.Field(description="Remove a voucher.")
    checkout_complete = CheckoutComplete.Field(description="Place the order.")
