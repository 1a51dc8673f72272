"""VietQR bank transfer to the platform's collection account.

The QR carries the exact amount and the transfer note ``OCOP <order number>`` (tag 62/08),
which the bank notice reconciliation reads back to find the order.
"""

from __future__ import annotations

import base64
import re
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from backend.payments.gateways.base import Gateway, GatewayResponse, GatewayResult
from backend.payments.models import TransactionEventType, TransactionFlowStrategy
from backend.payments.vietqr import build_vietqr_payload
from qr.rendering import qr_png

if TYPE_CHECKING:
    from backend.orders.models import Order
    from backend.payments.models import TransactionItem

TRANSFER_NOTE_PREFIX = "OCOP"
# Banks drop or keep the space and change case; some append their own text around it.
_ORDER_CODE_RE = re.compile(rf"\b{TRANSFER_NOTE_PREFIX}\s*(\d{{1,18}})\b", re.IGNORECASE)


def transfer_note(order_number: int) -> str:
    """The transfer description for an order: ASCII, at most 25 characters."""
    return f"{TRANSFER_NOTE_PREFIX} {order_number}"


def order_number_from_description(description: str) -> int | None:
    """The order number a bank transfer description names, or None."""
    match = _ORDER_CODE_RE.search(description or "")
    return int(match.group(1)) if match else None


class VietQRGateway(Gateway):
    id = "ocop.payments.vietqr"
    method = "vietqr"

    @property
    def name(self) -> str:
        return str(_("Chuyển khoản ngân hàng (VietQR)"))

    def is_configured(self) -> bool:
        return bool(settings.VIETQR_BANK_BIN and settings.VIETQR_ACCOUNT_NUMBER)

    def public_config(self) -> dict[str, Any]:
        return {
            "bankName": settings.VIETQR_BANK_NAME,
            "bankBin": settings.VIETQR_BANK_BIN,
            "accountNumber": settings.VIETQR_ACCOUNT_NUMBER,
            "accountName": settings.VIETQR_ACCOUNT_NAME,
        }

    def instructions(self, *, order_number: int, amount: int) -> dict[str, Any]:
        """Everything a shopper needs to pay: the payload, its QR image, and the same
        transfer spelled out for those who type it in by hand."""
        note = transfer_note(order_number)
        payload = build_vietqr_payload(
            bank_bin=settings.VIETQR_BANK_BIN,
            account_number=settings.VIETQR_ACCOUNT_NUMBER,
            amount=amount,
            purpose=note,
        )
        image = base64.b64encode(qr_png(payload, box_size=6)).decode("ascii")
        return {
            **self.public_config(),
            "amount": amount,
            "currency": "VND",
            "transferNote": note,
            "payload": payload,
            "qrCodeDataUrl": f"data:image/png;base64,{image}",
        }

    def initialize(
        self,
        *,
        order: Order,
        transaction: TransactionItem,
        amount: int,
        action: TransactionFlowStrategy,
        data: dict[str, Any],
    ) -> GatewayResponse:
        return GatewayResponse(
            results=[
                GatewayResult(
                    TransactionEventType.CHARGE_REQUEST,
                    amount=amount,
                    message=str(_("Chờ chuyển khoản")),
                )
            ],
            data=self.instructions(order_number=order.number, amount=amount),
        )

    def process(self, *, transaction: TransactionItem, data: dict[str, Any]) -> GatewayResponse:
        # Nothing to confirm from the client: the bank tells us. Show the QR again.
        return GatewayResponse(
            results=[GatewayResult(TransactionEventType.INFO, message="instructions")],
            data=self.instructions(
                order_number=transaction.order.number,
                amount=transaction.charge_pending_amount,
            ),
        )


vietqr_gateway = VietQRGateway()
