"""Cards through Stripe PaymentIntents. VND is zero-decimal: ``amount`` is whole đồng.

Offered only when the Stripe keys are configured. The storefront confirms the intent with
Stripe Elements using the client secret; ``transactionProcess`` and the webhook then read
the intent's state back. A ``paymentMethod`` in the gateway data confirms server-side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import stripe
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from backend.core.errors import DomainError
from backend.payments.gateways.base import Gateway, GatewayResponse, GatewayResult
from backend.payments.models import TransactionEventType, TransactionFlowStrategy

if TYPE_CHECKING:
    from backend.orders.models import Order
    from backend.payments.models import TransactionItem

STRIPE_CURRENCY = "vnd"
DASHBOARD_URL = "https://dashboard.stripe.com/payments/%s"


def stripe_client() -> stripe.StripeClient:
    base = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else {}
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, base_addresses=base)  # type: ignore[arg-type]


def _gateway_error(exc: stripe.StripeError) -> DomainError:
    return DomainError(
        "INVALID",
        _("Cổng thanh toán thẻ từ chối: %(reason)s") % {"reason": exc.user_message or exc.code},
        field="paymentGateway",
    )


def intent_results(transaction: TransactionItem, intent: Any) -> list[GatewayResult]:
    """The events that bring ``transaction`` level with ``intent``'s state.

    Only the difference from what is already recorded becomes an event, so reading the same
    intent twice (process, then the webhook) records nothing the second time.
    """
    if isinstance(intent, stripe.StripeObject):
        intent = intent.to_dict()  # StripeObject refuses dict methods such as .get()
    status = intent["status"]
    reference = intent["id"]
    url = DASHBOARD_URL % reference
    if intent["currency"] != STRIPE_CURRENCY:
        return [
            GatewayResult(
                TransactionEventType.INFO,
                psp_reference=reference,
                message=f"currency mismatch: {intent['currency']}",
            )
        ]
    if status == "succeeded":
        received = int(intent.get("amount_received") or intent["amount"])
        delta = received - (transaction.charged_amount + transaction.refunded_amount)
        if delta > 0:
            return [GatewayResult(TransactionEventType.CHARGE_SUCCESS, delta, reference, "", url)]
        return []
    if status == "requires_capture":
        delta = int(intent["amount"]) - transaction.authorized_amount - transaction.charged_amount
        if delta > 0:
            return [
                GatewayResult(TransactionEventType.AUTHORIZATION_SUCCESS, delta, reference, "", url)
            ]
        return []
    if status == "requires_action":
        event = (
            TransactionEventType.AUTHORIZATION_ACTION_REQUIRED
            if intent.get("capture_method") == "manual"
            else TransactionEventType.CHARGE_ACTION_REQUIRED
        )
        return [GatewayResult(event, 0, reference, "requires_action", url)]
    error = intent.get("last_payment_error")
    if status in {"requires_payment_method", "canceled"} and error:
        pending = transaction.charge_pending_amount or transaction.authorize_pending_amount
        failure = (
            TransactionEventType.AUTHORIZATION_FAILURE
            if transaction.authorize_pending_amount
            else TransactionEventType.CHARGE_FAILURE
        )
        return [GatewayResult(failure, pending, reference, str(error.get("message", "")), url)]
    return []


class StripeGateway(Gateway):
    id = "ocop.payments.stripe"
    method = "stripe"
    supports_authorization = True
    supports_capture = True

    @property
    def name(self) -> str:
        return str(_("Thẻ ngân hàng quốc tế (Stripe)"))

    def is_configured(self) -> bool:
        return bool(
            settings.STRIPE_SECRET_KEY
            and settings.STRIPE_PUBLISHABLE_KEY
            and settings.STRIPE_WEBHOOK_SECRET
        )

    def public_config(self) -> dict[str, Any]:
        return {"publishableKey": settings.STRIPE_PUBLISHABLE_KEY}

    def initialize(
        self,
        *,
        order: Order,
        transaction: TransactionItem,
        amount: int,
        action: TransactionFlowStrategy,
        data: dict[str, Any],
    ) -> GatewayResponse:
        manual = action == TransactionFlowStrategy.AUTHORIZATION
        params: dict[str, Any] = {
            "amount": amount,
            "currency": STRIPE_CURRENCY,
            "capture_method": "manual" if manual else "automatic",
            "payment_method_types": ["card"],
            "metadata": {"order": str(order.token), "transaction": str(transaction.token)},
        }
        payment_method = data.get("paymentMethod")
        if payment_method:
            params.update(payment_method=str(payment_method), confirm=True)
        try:
            intent = stripe_client().v1.payment_intents.create(
                params=params,  # type: ignore[arg-type]
                options={"idempotency_key": f"ocop-{transaction.token}"},
            )
        except stripe.CardError as exc:
            # A declined card still created an intent; record the failure against it.
            declined = exc.error.payment_intent if exc.error else None
            reference = declined["id"] if declined else ""
            failure = (
                TransactionEventType.AUTHORIZATION_FAILURE
                if manual
                else TransactionEventType.CHARGE_FAILURE
            )
            return GatewayResponse(
                results=[GatewayResult(failure, 0, str(reference), exc.user_message or "")],
                data={"error": exc.code or "card_error"},
                psp_reference=str(reference),
            )
        except stripe.StripeError as exc:
            raise _gateway_error(exc) from exc
        request = (
            TransactionEventType.AUTHORIZATION_REQUEST
            if manual
            else TransactionEventType.CHARGE_REQUEST
        )
        results = [GatewayResult(request, amount, intent["id"], "", DASHBOARD_URL % intent["id"])]
        return GatewayResponse(
            results=results,
            data={
                "clientSecret": intent["client_secret"],
                "paymentIntentId": intent["id"],
                "publishableKey": settings.STRIPE_PUBLISHABLE_KEY,
                "status": intent["status"],
            },
            psp_reference=intent["id"],
        )

    def retrieve(self, psp_reference: str) -> Any:
        try:
            return stripe_client().v1.payment_intents.retrieve(psp_reference)
        except stripe.StripeError as exc:
            raise _gateway_error(exc) from exc

    def process(self, *, transaction: TransactionItem, data: dict[str, Any]) -> GatewayResponse:
        intent = self.retrieve(transaction.psp_reference)
        return GatewayResponse(
            results=intent_results(transaction, intent),
            data={"status": intent["status"], "clientSecret": intent["client_secret"]},
        )

    def capture(self, *, transaction: TransactionItem, amount: int) -> GatewayResponse:
        try:
            intent = stripe_client().v1.payment_intents.capture(
                transaction.psp_reference,
                params={"amount_to_capture": amount},
                options={"idempotency_key": f"ocop-capture-{transaction.token}"},
            )
        except stripe.StripeError as exc:
            raise _gateway_error(exc) from exc
        # Older API shapes (and localstripe) have no amount_received: fall back to the ask.
        received = int(intent.to_dict().get("amount_received") or amount)
        return GatewayResponse(
            results=[
                GatewayResult(
                    TransactionEventType.CHARGE_SUCCESS, received, intent["id"], "capture"
                )
            ]
        )

    def refund(self, *, transaction: TransactionItem, amount: int) -> GatewayResponse:
        try:
            refund = stripe_client().v1.refunds.create(
                params={"payment_intent": transaction.psp_reference, "amount": amount}
            )
        except stripe.StripeError as exc:
            raise _gateway_error(exc) from exc
        event = (
            TransactionEventType.REFUND_SUCCESS
            if refund["status"] == "succeeded"
            else TransactionEventType.REFUND_REQUEST
        )
        return GatewayResponse(results=[GatewayResult(event, amount, refund["id"], "refund")])

    def cancel(self, *, transaction: TransactionItem) -> GatewayResponse:
        try:
            stripe_client().v1.payment_intents.cancel(transaction.psp_reference)
        except stripe.StripeError as exc:
            raise _gateway_error(exc) from exc
        return super().cancel(transaction=transaction)


stripe_gateway = StripeGateway()
