"""Cash on delivery: nothing to call; each producer's courier collects its group's cash."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from backend.payments.gateways.base import Gateway, GatewayResponse, GatewayResult
from backend.payments.models import TransactionEventType, TransactionFlowStrategy

if TYPE_CHECKING:
    from backend.orders.models import Order
    from backend.payments.models import TransactionItem


class CashOnDeliveryGateway(Gateway):
    id = "ocop.payments.cod"
    method = "cod"

    @property
    def name(self) -> str:
        return str(_("Thanh toán khi nhận hàng (COD)"))

    def is_available(self, *, amount: int) -> bool:
        return amount <= settings.COD_MAX_ORDER_AMOUNT

    def public_config(self) -> dict[str, Any]:
        return {"maxOrderAmount": settings.COD_MAX_ORDER_AMOUNT}

    def initialize(
        self,
        *,
        order: Order,
        transaction: TransactionItem,
        amount: int,
        action: TransactionFlowStrategy,
        data: dict[str, Any],
    ) -> GatewayResponse:
        # The money is pending until every producer's courier has collected its part.
        return GatewayResponse(
            results=[
                GatewayResult(
                    TransactionEventType.CHARGE_REQUEST,
                    amount=amount,
                    message=str(_("Thu tiền khi giao hàng")),
                )
            ],
            data={"amount": amount, "currency": "VND"},
        )


cod_gateway = CashOnDeliveryGateway()
