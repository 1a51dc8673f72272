"""The gateways, by their Saleor app-style ids (``ocop.payments.<name>``)."""

from __future__ import annotations

from backend.payments.gateways.base import Gateway, GatewayResponse, GatewayResult
from backend.payments.gateways.cod import cod_gateway
from backend.payments.gateways.stripe import stripe_gateway
from backend.payments.gateways.vietqr import vietqr_gateway

GATEWAYS: dict[str, Gateway] = {
    gateway.id: gateway for gateway in (cod_gateway, vietqr_gateway, stripe_gateway)
}

__all__ = ["GATEWAYS", "Gateway", "GatewayResponse", "GatewayResult", "available_gateways"]


def available_gateways(*, amount: int) -> list[Gateway]:
    """The gateways that may pay ``amount`` đồng now, in display order."""
    return [gateway for gateway in GATEWAYS.values() if gateway.is_available(amount=amount)]
