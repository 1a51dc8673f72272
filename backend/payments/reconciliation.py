"""Bank notices: incoming transfers to the collection account, matched to orders.

A notice is applied only when its description names an open order and its amount is
exactly what the order still owes; anything else is stored and flagged for staff, who
settle it: ``bank_notice_apply`` records its money on an order, ``bank_notice_dismiss``
closes it with a reason (money sent back, not ours), and ``bank_transfer_mark_received``
records a transfer staff saw themselves, settling a notice with the same reference. The
bank reference is unique: a notice delivered twice changes nothing the second time.
Every change of a notice writes a ``BankNoticeEvent``.

Lock order, as everywhere in payments: the order first, then the notice.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backend.accounts.roles import is_staff
from backend.core.errors import DomainError, NotFound, PermissionDenied
from backend.core.money import CURRENCY
from backend.orders.models import Order
from backend.payments import events, services
from backend.payments.gateways import GatewayResult
from backend.payments.gateways.vietqr import order_number_from_description, vietqr_gateway
from backend.payments.models import (
    BankNotice,
    BankNoticeEventType,
    BankNoticeFlag,
    BankNoticeStatus,
    TransactionEventType,
    TransactionItem,
)

SIGNATURE_HEADER = "X-OCOP-Signature"


class BankNoticeInvalidError(ValueError):
    """The notice is unsigned, wrongly signed or malformed: nothing was recorded."""


def bank_notice_signature(body: bytes, secret: str) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def bank_notice_verify(body: bytes, signature: str | None) -> dict[str, Any]:
    """The notice's fields, after checking the HMAC-SHA256 of the raw body."""
    secret = settings.BANK_WEBHOOK_SECRET
    if not secret or not signature:
        raise BankNoticeInvalidError("missing signature")
    if not hmac.compare_digest(bank_notice_signature(body, secret), signature.strip().lower()):
        raise BankNoticeInvalidError("bad signature")
    try:
        payload = json.loads(body)
        amount = payload["amount"]
        reference = str(payload["reference"]).strip()
    except (ValueError, KeyError, TypeError) as exc:
        raise BankNoticeInvalidError("malformed notice") from exc
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0 or not reference:
        raise BankNoticeInvalidError("amount must be a positive whole number of đồng")
    return payload


def bank_notice_receive(*, payload: dict[str, Any]) -> tuple[BankNotice, bool]:
    """Record a verified notice; returns ``(notice, created)``. Runs in its own
    transaction; a repeated reference returns the first notice unchanged."""
    reference = str(payload["reference"]).strip()[:128]
    existing = BankNotice.objects.filter(bank_reference=reference).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return _receive(payload, reference), True
    except IntegrityError:  # the same notice raced in on another connection
        return BankNotice.objects.get(bank_reference=reference), False


def _receive(payload: dict[str, Any], reference: str) -> BankNotice:
    description = str(payload.get("description", ""))[:512]
    currency = str(payload.get("currency") or CURRENCY).upper()
    notice = BankNotice(
        bank_reference=reference,
        amount=payload["amount"],
        currency=currency[:3],
        description=description,
        payload=payload,
        status=BankNoticeStatus.FLAGGED,
    )
    number = order_number_from_description(description)
    order = Order.objects.select_for_update().filter(number=number).first() if number else None
    notice.order = order
    if currency != CURRENCY:
        notice.flag = BankNoticeFlag.CURRENCY_MISMATCH
    elif order is None:
        notice.flag = BankNoticeFlag.UNKNOWN_CODE
    elif order.status in services.CLOSED_ORDER_STATUSES:
        notice.flag = BankNoticeFlag.ORDER_NOT_PAYABLE
    else:
        outstanding = services.order_amount_outstanding(order)
        if outstanding <= 0:
            notice.flag = BankNoticeFlag.ALREADY_PAID
        elif notice.amount < outstanding:
            notice.flag = BankNoticeFlag.UNDERPAID
        elif notice.amount > outstanding:
            notice.flag = BankNoticeFlag.OVERPAID
    notice.save()
    events.bank_notice_event_record(
        notice=notice,
        type=BankNoticeEventType.RECEIVED,
        user=None,
        amount=notice.amount,
        currency=notice.currency,
        flag=notice.flag,
    )
    if notice.flag or order is None:
        return notice
    transaction_item = _record_transfer(
        order, notice.amount, reference, None, _("Ngân hàng báo đã nhận chuyển khoản")
    )
    notice.status = BankNoticeStatus.APPLIED
    notice.transaction = transaction_item
    notice.save(update_fields=["status", "transaction"])
    events.bank_notice_event_record(
        notice=notice,
        type=BankNoticeEventType.APPLIED,
        user=None,
        order=order.number,
        transaction=str(transaction_item.token),
    )
    return notice


def _record_transfer(
    order: Order, amount: int, reference: str, actor: Any, message: str
) -> TransactionItem:
    """Charge ``amount`` received on the collection account to the order's VietQR
    transaction (caller holds the order's lock)."""
    transaction_item = services.order_open_transaction(order, vietqr_gateway, actor)
    services.transaction_record(
        transaction=transaction_item,
        results=[GatewayResult(TransactionEventType.CHARGE_SUCCESS, amount, reference, message)],
        actor=actor,
    )
    return transaction_item


def _resolve(
    notice: BankNotice,
    *,
    actor: Any,
    status: BankNoticeStatus,
    event: BankNoticeEventType,
    order: Order | None = None,
    transaction_item: TransactionItem | None = None,
    note: str = "",
) -> BankNotice:
    """Close a locked, flagged notice and record who did it and how."""
    notice.status = status
    if order is not None:
        notice.order = order
    notice.transaction = transaction_item
    notice.resolved_by = services.acting_user(actor)
    notice.resolved_at = timezone.now()
    notice.resolution_note = note
    notice.save(
        update_fields=[
            "status",
            "order",
            "transaction",
            "resolved_by",
            "resolved_at",
            "resolution_note",
        ]
    )
    parameters: dict[str, Any] = {"reason": note} if note else {}
    if order is not None and transaction_item is not None:
        parameters.update(order=order.number, transaction=str(transaction_item.token))
    events.bank_notice_event_record(
        notice=notice, type=event, user=notice.resolved_by, **parameters
    )
    return notice


def _ensure_staff(actor: Any) -> None:
    if not is_staff(actor):
        raise PermissionDenied()


def _notice_lock(notice_id: int) -> BankNotice:
    """The notice under a row lock, refused unless it still waits for staff."""
    notice = BankNotice.objects.select_for_update().filter(pk=notice_id).first()
    if notice is None:
        raise NotFound(_("Không tìm thấy thông báo ngân hàng."), field="id")
    if notice.status != BankNoticeStatus.FLAGGED:
        raise DomainError(
            "ALREADY_RESOLVED",
            _("Thông báo ngân hàng này đã được xử lý (%(status)s).")
            % {"status": BankNoticeStatus(notice.status).label},
            field="id",
        )
    return notice


def bank_notice_apply(*, actor: Any, notice_id: int, order: Order | None = None) -> BankNotice:
    """Staff: record a flagged notice's money on ``order`` (default: the order its
    description names) through the order's VietQR transaction, as a transfer received.

    Refused, with nothing written: a notice already resolved (ALREADY_RESOLVED), not in
    VND, with no order to apply to (REQUIRED), for a cancelled or expired order
    (ORDER_NOT_PAYABLE), for an order that owes nothing, or whose reference was already
    recorded. An underpayment leaves the order partly paid; an overpayment makes it
    overcharged, for staff to refund the excess.
    """
    _ensure_staff(actor)
    found = BankNotice.objects.filter(pk=notice_id).select_related("order").first()
    if found is None:
        raise NotFound(_("Không tìm thấy thông báo ngân hàng."), field="id")
    target = order or found.order
    if target is not None:
        target = services.order_lock(target.pk)
    notice = _notice_lock(notice_id)
    if notice.currency != CURRENCY:
        raise DomainError(
            "INVALID",
            _("Khoản chuyển không phải VND nên không thể ghi nhận; hãy bỏ qua thông báo."),
            field="id",
        )
    if target is None:
        raise DomainError(
            "REQUIRED", _("Cần chọn đơn hàng để ghi nhận khoản chuyển này."), field="order"
        )
    if target.status in services.CLOSED_ORDER_STATUSES:
        raise DomainError(
            "ORDER_NOT_PAYABLE",
            _("Đơn hàng đã hủy hoặc hết hạn, không thể ghi nhận thanh toán."),
            field="order",
        )
    if services.order_amount_outstanding(target) <= 0:
        raise DomainError(
            "INVALID",
            _("Đơn hàng không còn khoản nào phải trả; hãy bỏ qua thông báo và trả lại tiền."),
            field="order",
        )
    services.bank_reference_ensure_unused(notice.bank_reference, field="id")
    transaction_item = _record_transfer(
        target,
        notice.amount,
        notice.bank_reference,
        actor,
        _("Nhân viên ghi nhận thông báo ngân hàng"),
    )
    return _resolve(
        notice,
        actor=actor,
        status=BankNoticeStatus.RESOLVED,
        event=BankNoticeEventType.APPLIED_BY_STAFF,
        order=transaction_item.order,  # the instance the payment updated
        transaction_item=transaction_item,
    )


def bank_notice_dismiss(*, actor: Any, notice_id: int, reason: str) -> BankNotice:
    """Staff: close a flagged notice without recording money (sent back to the payer, not
    a payment to us...). The reason is required and kept; no order or transaction changes."""
    _ensure_staff(actor)
    reason = reason.strip()
    if not reason:
        raise DomainError("REQUIRED", _("Cần ghi lý do bỏ qua thông báo."), field="reason")
    if len(reason) > 500:
        raise DomainError("INVALID", _("Lý do dài tối đa 500 ký tự."), field="reason")
    notice = _notice_lock(notice_id)
    return _resolve(
        notice,
        actor=actor,
        status=BankNoticeStatus.DISMISSED,
        event=BankNoticeEventType.DISMISSED,
        note=reason,
    )


def bank_transfer_mark_received(
    *, actor: Any, order: Order, amount: int, bank_reference: str
) -> TransactionItem:
    """Staff: a VietQR transfer reached the collection account. Settles a flagged bank
    notice with the same reference; a reference already applied is refused."""
    _ensure_staff(actor)
    if amount <= 0:
        raise DomainError("INVALID", _("Số tiền phải lớn hơn 0."), field="amount")
    reference = bank_reference.strip()
    if not reference:
        raise DomainError("REQUIRED", _("Cần mã giao dịch ngân hàng."), field="bankReference")
    order = services.order_lock(order.pk)
    services.order_ensure_payable(order)
    services.bank_reference_ensure_unused(reference, field="bankReference")
    transaction_item = _record_transfer(order, amount, reference, actor, _("Đã nhận chuyển khoản"))
    notice = (
        BankNotice.objects.select_for_update()
        .filter(bank_reference=reference, status=BankNoticeStatus.FLAGGED)
        .first()
    )
    if notice is not None:
        _resolve(
            notice,
            actor=actor,
            status=BankNoticeStatus.RESOLVED,
            event=BankNoticeEventType.APPLIED_BY_STAFF,
            order=transaction_item.order,
            transaction_item=transaction_item,
        )
    return transaction_item
