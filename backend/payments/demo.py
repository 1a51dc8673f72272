"""Demo payment data: commission and (migrated) tax rows, and one COD and one VietQR
transaction on demo orders if any exist. Idempotent."""

from __future__ import annotations

import datetime
from decimal import Decimal

from backend.orders.models import Order
from backend.payments import services
from backend.payments.gateways.cod import cod_gateway
from backend.payments.gateways.vietqr import vietqr_gateway
from backend.payments.models import CommissionRate

DEMO_COMMISSION = Decimal("5.00")
DEMO_FROM = datetime.date(2025, 7, 1)


def load_demo_payments() -> None:
    CommissionRate.objects.get_or_create(
        producer=None,
        valid_from=DEMO_FROM,
        defaults={"percent": DEMO_COMMISSION, "note": "Demo: platform default"},
    )
    unpaid = Order.objects.filter(transactions__isnull=True, total_amount__gt=0).order_by("pk")
    for order, gateway in zip(unpaid[:2], (cod_gateway, vietqr_gateway), strict=False):
        if not gateway.is_available(amount=order.total_amount):
            continue
        services.transaction_initialize(actor=None, order=order, gateway_id=gateway.id)
