"""Payment types in Saleor's shape, and the resolvers the Order and Checkout types use."""

from __future__ import annotations

from typing import Any

import graphene

from backend.checkout.models import Checkout
from backend.graphql.core.errors import make_error_type
from backend.graphql.core.ids import to_global_id
from backend.graphql.core.types import Money
from backend.graphql.payments import enums
from backend.graphql.payments.scalars import JSON
from backend.orders.models import Order
from backend.payments import selectors, services
from backend.payments.gateways import Gateway
from backend.payments.models import TransactionEvent as TransactionEventModel
from backend.payments.models import TransactionEventType
from backend.payments.models import TransactionItem as TransactionItemModel

PaymentGatewayInitializeError = make_error_type(
    "PaymentGatewayInitializeError", enums.PaymentGatewayInitializeErrorCode
)
PaymentGatewayConfigError = make_error_type(
    "PaymentGatewayConfigError", enums.PaymentGatewayConfigErrorCode
)
TransactionInitializeError = make_error_type(
    "TransactionInitializeError", enums.TransactionInitializeErrorCode
)
TransactionProcessError = make_error_type(
    "TransactionProcessError", enums.TransactionProcessErrorCode
)
TransactionRequestActionError = make_error_type(
    "TransactionRequestActionError", enums.TransactionRequestActionErrorCode
)
PaymentError = make_error_type("PaymentError", enums.PaymentErrorCode)


class GatewayConfigLine(graphene.ObjectType):
    """One public setting of a payment gateway."""

    field = graphene.String(required=True, description="Setting name.")
    value = graphene.String(description="Setting value.")


class PaymentGateway(graphene.ObjectType):
    """A way to pay: cash on delivery, VietQR bank transfer or cards (Stripe)."""

    id = graphene.ID(required=True, description="Gateway id, e.g. ocop.payments.vietqr.")
    name = graphene.String(required=True, description="Gateway name, in the request language.")
    config = graphene.List(
        graphene.NonNull(GatewayConfigLine), required=True, description="Public settings."
    )
    currencies = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="Currencies: VND."
    )

    @staticmethod
    def of(gateway: Gateway) -> PaymentGateway:
        return PaymentGateway(
            id=gateway.id,
            name=gateway.name,
            config=[
                GatewayConfigLine(field=key, value=str(value))
                for key, value in gateway.public_config().items()
            ],
            currencies=["VND"],
        )


class PaymentGatewayConfig(graphene.ObjectType):
    """A gateway's data for starting a payment, or why it cannot be used."""

    id = graphene.String(required=True, description="Gateway id.")
    data = JSON(description="Gateway data for the storefront (never secrets).")
    errors = graphene.List(
        graphene.NonNull(PaymentGatewayConfigError), description="Why the gateway is unavailable."
    )


class TransactionEvent(graphene.ObjectType):
    """One thing that happened to a transaction (append-only)."""

    id = graphene.ID(required=True, description="The event's ID.")
    created_at = graphene.DateTime(required=True, description="When it happened.")
    psp_reference = graphene.String(required=True, description="The gateway's reference.")
    message = graphene.String(required=True, description="Message from the gateway or staff.")
    external_url = graphene.String(required=True, description="Link to the gateway's page.")
    amount = graphene.Field(Money, required=True, description="Amount of the event.")
    type = graphene.Field(enums.TransactionEventTypeEnum, description="Event type.")
    idempotency_key = graphene.String(description="Idempotency key of the request.")

    class Meta:
        description = "A transaction event (Saleor's TransactionEvent)."

    @staticmethod
    def resolve_id(root: TransactionEventModel, info: Any) -> str:
        return to_global_id("TransactionEvent", root.pk)

    @staticmethod
    def resolve_amount(root: TransactionEventModel, info: Any) -> Money:
        return Money.of(root.amount)

    @staticmethod
    def resolve_type(root: TransactionEventModel, info: Any) -> str:
        return str(TransactionEventType(root.type).value)  # a plain value, never the member

    @staticmethod
    def resolve_idempotency_key(root: TransactionEventModel, info: Any) -> str | None:
        return root.idempotency_key or None


def _money(field: str, description: str) -> graphene.Field:
    return graphene.Field(
        Money,
        required=True,
        description=description,
        resolver=lambda root, info: Money.of(getattr(root, field)),
    )


class TransactionItem(graphene.ObjectType):
    """A payment through one gateway for one order, with its amounts and events."""

    id = graphene.ID(required=True, description="The transaction's ID.")
    token = graphene.UUID(required=True, description="The transaction's token.")
    created_at = graphene.DateTime(required=True, description="When it was created.")
    modified_at = graphene.DateTime(required=True, description="When it last changed.")
    actions = graphene.List(
        graphene.NonNull(enums.TransactionActionEnum),
        required=True,
        description="Actions staff may request now.",
    )
    authorized_amount = _money("authorized_amount", "Money held and not yet charged.")
    authorize_pending_amount = _money("authorize_pending_amount", "Authorization pending.")
    charged_amount = _money("charged_amount", "Money charged (less refunds).")
    charge_pending_amount = _money("charge_pending_amount", "Charge pending (COD, transfer).")
    refunded_amount = _money("refunded_amount", "Money refunded.")
    refund_pending_amount = _money("refund_pending_amount", "Refund pending.")
    canceled_amount = _money("canceled_amount", "Money released or cancelled.")
    cancel_pending_amount = graphene.Field(
        Money,
        required=True,
        description="Cancellation pending (always 0: cancels are immediate).",
        resolver=lambda root, info: Money.of(0),
    )
    name = graphene.String(required=True, description="The gateway's name.")
    message = graphene.String(required=True, description="Latest gateway message.")
    psp_reference = graphene.String(required=True, description="The gateway's reference.")
    external_url = graphene.String(required=True, description="Link to the gateway's page.")
    events = graphene.List(
        graphene.NonNull(TransactionEvent), required=True, description="The history."
    )

    class Meta:
        description = "A payment transaction (Saleor's TransactionItem)."

    @staticmethod
    def resolve_id(root: TransactionItemModel, info: Any) -> str:
        return to_global_id("TransactionItem", str(root.token))

    @staticmethod
    def resolve_actions(root: TransactionItemModel, info: Any) -> list[str]:
        gateway = services.gateway_for(root)
        actions = []
        if gateway.supports_capture and root.authorized_amount:
            actions.append("charge")
        if root.charged_amount > root.refund_pending_amount:
            actions.append("refund")
        if root.authorized_amount or root.charge_pending_amount or root.authorize_pending_amount:
            actions.append("cancel")
        return actions

    @staticmethod
    def resolve_events(root: TransactionItemModel, info: Any) -> list[TransactionEventModel]:
        return list(root.events.all())


# --- Resolvers for fields of types other apps own (Order, Checkout): the lead wires them.


def resolve_order_transactions(order: Order, info: Any) -> list[TransactionItemModel]:
    """``Order.transactions: [TransactionItem!]!``"""
    return list(selectors.order_transactions(order=order).prefetch_related("events"))


def resolve_order_charge_status(order: Order, info: Any) -> str:
    """``Order.chargeStatus: OrderChargeStatusEnum!``"""
    return order.charge_status


def resolve_order_authorize_status(order: Order, info: Any) -> str:
    """``Order.authorizeStatus: OrderAuthorizeStatusEnum!``"""
    return order.authorize_status


def resolve_checkout_available_payment_gateways(
    checkout: Checkout, info: Any, *, total: int | None = None
) -> list[PaymentGateway]:
    """``Checkout.availablePaymentGateways: [PaymentGateway!]!`` (``total``: the checkout's
    priced total when the caller has it)."""
    return [
        PaymentGateway.of(gateway)
        for gateway in selectors.gateways_for_checkout(checkout, total=total)
    ]
