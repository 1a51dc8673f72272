"""The one small interface every gateway module implements.

A gateway talks to the outside world (or to nobody, for cash) and reports what happened as
``GatewayResult`` values; ``payments.services`` applies them to the transaction under a
row lock and writes the events. Gateways never write to the database themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from backend.core.errors import DomainError
from backend.payments.models import TransactionEventType, TransactionFlowStrategy

if TYPE_CHECKING:
    from backend.orders.models import Order
    from backend.payments.models import TransactionItem


@dataclass(frozen=True)
class GatewayResult:
    """One thing that happened at the gateway: becomes one TransactionEvent."""

    type: TransactionEventType
    amount: int = 0
    psp_reference: str = ""
    message: str = ""
    external_url: str = ""


@dataclass
class GatewayResponse:
    """What a gateway call produced: events to record and data for the client."""

    results: list[GatewayResult] = field(default_factory=list)
    data: dict[str, Any] | None = None
    psp_reference: str = ""


class Gateway:
    """Base class: defaults are those of a gateway settled by people, not by an API."""

    id: str = ""
    method: str = ""  # orders.PaymentMethod value
    supports_authorization = False
    supports_capture = False

    @property
    def name(self) -> str:
        raise NotImplementedError

    def is_configured(self) -> bool:
        return True

    def is_available(self, *, amount: int) -> bool:
        """Whether this gateway may pay ``amount`` đồng (preconditions: amount >= 0)."""
        return self.is_configured()

    def public_config(self) -> dict[str, Any]:
        """What a storefront needs before paying (never secrets)."""
        return {}

    def initialize(
        self,
        *,
        order: Order,
        transaction: TransactionItem,
        amount: int,
        action: TransactionFlowStrategy,
        data: dict[str, Any],
    ) -> GatewayResponse:
        raise NotImplementedError

    def process(self, *, transaction: TransactionItem, data: dict[str, Any]) -> GatewayResponse:
        return GatewayResponse(
            results=[GatewayResult(TransactionEventType.INFO, message="process")]
        )

    def capture(self, *, transaction: TransactionItem, amount: int) -> GatewayResponse:
        raise DomainError(
            "INVALID", _("Cổng thanh toán này không hỗ trợ thu tiền sau."), field="actionType"
        )

    def refund(self, *, transaction: TransactionItem, amount: int) -> GatewayResponse:
        """Money handed back outside the system (cash, bank transfer) and recorded by staff."""
        return GatewayResponse(
            results=[
                GatewayResult(
                    TransactionEventType.REFUND_SUCCESS,
                    amount=amount,
                    message=str(_("Hoàn tiền thủ công")),
                )
            ]
        )

    def cancel(self, *, transaction: TransactionItem) -> GatewayResponse:
        amount = (
            transaction.authorized_amount
            + transaction.charge_pending_amount
            + transaction.authorize_pending_amount
        )
        return GatewayResponse(
            results=[GatewayResult(TransactionEventType.CANCEL_SUCCESS, amount=amount)]
        )
