"""Payments staff record by hand: Saleor's ``orderMarkAsPaid`` through the transaction API.

Like Saleor, the money is a new manual transaction (gateway ``ocop.payments.manual``)
created by the staff member, charged with one event: it did not come through a courier's
COD collection, a VietQR bank notice or Stripe, so it is never recorded as if it had. The
charge status is recomputed in the one place that does it, and the producers' ledger
entries and the ORDER_PAID webhook follow the normal path.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from backend.accounts.roles import is_staff
from backend.core.errors import DomainError, PermissionDenied
from backend.orders.models import Order, PaymentMethod
from backend.payments.gateways import GatewayResult
from backend.payments.gateways.manual import manual_gateway
from backend.payments.models import BankNotice, TransactionEventType, TransactionItem
from backend.payments.services import (
    acting_user,
    bank_reference_ensure_unused,
    order_ensure_payable,
    order_lock,
    order_pending_transactions_cancel,
    transaction_record,
)

FIELD = "transactionReference"


def order_payment_mark_received(
    *, actor: Any, order: Order, transaction_reference: str = ""
) -> TransactionItem:
    """Staff: the order's outstanding amount was received outside the gateways.

    Whatever the order's payment method, a manual transaction is charged the outstanding
    amount. Money still pending through the gateways is cancelled as superseded (a card
    payment the shopper completes later then shows the order OVERCHARGED for staff to
    refund); a COD order's groups count as collected. A reference (the bank's or the
    receipt's number) already recorded as money received is refused, and so is one that
    belongs to a bank notice: staff settle a notice itself with ``bankNoticeApply``.
    """
    if not is_staff(actor):
        raise PermissionDenied()
    order = order_lock(order.pk)
    order_ensure_payable(order)
    outstanding = order.total_amount - order.total_charged_amount
    if outstanding <= 0:
        raise DomainError("INVALID", _("Đơn hàng đã được thanh toán đủ."), field="id")
    reference = transaction_reference.strip()[:512]
    if reference:
        bank_reference_ensure_unused(reference, field=FIELD)
        if BankNotice.objects.filter(bank_reference=reference).exists():
            raise DomainError(
                "INVALID",
                _(
                    "Mã giao dịch này thuộc một thông báo ngân hàng; hãy xử lý thông báo đó "
                    "thay vì đánh dấu đã thanh toán."
                ),
                field=FIELD,
            )
    order_pending_transactions_cancel(order=order, actor=actor)
    transaction = TransactionItem.objects.create(
        order=order,
        gateway=manual_gateway.id,
        name=manual_gateway.name,
        psp_reference=reference,
        created_by=acting_user(actor),
    )
    transaction_record(
        transaction=transaction,
        results=[
            GatewayResult(
                TransactionEventType.CHARGE_SUCCESS,
                outstanding,
                reference,
                _("Nhân viên xác nhận đã nhận tiền"),
            )
        ],
        actor=actor,
    )
    if order.payment_method == PaymentMethod.COD:
        order.fulfillment_groups.update(cod_collected=True)
    return transaction
