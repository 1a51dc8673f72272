"""Payments staff record by hand: Saleor's ``orderMarkAsPaid`` through the transaction API.

The money is recorded as a charge on the order's own transaction, so a TransactionItem and
its events exist, the charge status is recomputed in the one place that does it, and the
producers' ledger entries and the ORDER_PAID webhook follow the normal path.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from backend.core.errors import DomainError, PermissionDenied
from backend.orders.models import Order, PaymentMethod
from backend.payments.gateways import GatewayResult
from backend.payments.gateways.cod import cod_gateway
from backend.payments.gateways.vietqr import vietqr_gateway
from backend.payments.models import TransactionEventType, TransactionItem
from backend.payments.services import (
    _ensure_payable,
    bank_transfer_mark_received,
    is_staff,
    order_lock,
    order_open_transaction,
    transaction_record,
)


def order_payment_mark_received(
    *, actor: Any, order: Order, transaction_reference: str = ""
) -> TransactionItem:
    """Staff: the order's outstanding amount was received outside the gateways.

    COD orders: the cash was collected (every producer group counts as collected). Other
    orders: a transfer reached the collection account; with a reference it goes through
    ``bank_transfer_mark_received``, so the same bank reference is never applied twice.
    """
    if not is_staff(actor):
        raise PermissionDenied()
    order = order_lock(order.pk)
    _ensure_payable(order)
    outstanding = order.total_amount - order.total_charged_amount
    if outstanding <= 0:
        raise DomainError("INVALID", _("Đơn hàng đã được thanh toán đủ."), field="id")
    reference = transaction_reference.strip()
    if order.payment_method != PaymentMethod.COD and reference:
        return bank_transfer_mark_received(
            actor=actor, order=order, amount=outstanding, bank_reference=reference
        )
    gateway = cod_gateway if order.payment_method == PaymentMethod.COD else vietqr_gateway
    transaction = order_open_transaction(order, gateway, actor)
    transaction_record(
        transaction=transaction,
        results=[
            GatewayResult(
                TransactionEventType.CHARGE_SUCCESS,
                outstanding,
                reference or f"manual-{order.number}",
                _("Nhân viên xác nhận đã nhận tiền"),
            )
        ],
        actor=actor,
    )
    if order.payment_method == PaymentMethod.COD:
        order.fulfillment_groups.update(cod_collected=True)
    return transaction
