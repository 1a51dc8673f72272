"""The gateways, by their Saleor app-style ids (``ocop.payments.<name>``).

``GATEWAYS`` are those a shopper may pay through; ``ALL_GATEWAYS`` adds the manual one
that staff record money under, for looking up the gateway of any transaction.
"""

from __future__ import annotations

from backend.payments.gateways.base import Gateway, GatewayResponse, GatewayResult
from backend.payments.gateways.cod import cod_gateway
from backend.payments.gateways.manual import manual_gateway
from backend.payments.gateways.stripe import stripe_gateway
from backend.payments.gateways.vietqr import vietqr_gateway

GATEWAYS: dict[str, Gateway] = {
    gateway.id: gateway for gateway in (cod_gateway, vietqr_gateway, stripe_gateway)
}
ALL_GATEWAYS: dict[str, Gateway] = {**GATEWAYS, manual_gateway.id: manual_gateway}

__all__ = [
    "ALL_GATEWAYS",
    "GATEWAYS",
    "Gateway",
    "GatewayResponse",
    "GatewayResult",
    "available_gateways",
]


def available_gateways(*, amount: int) -> list[Gateway]:
    """The gateways that may pay ``amount`` đồng now, in display order."""
    return [gateway for gateway in GATEWAYS.values() if gateway.is_available(amount=amount)]
