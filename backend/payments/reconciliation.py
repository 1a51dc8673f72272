"""Bank notices: incoming transfers to the collection account, matched to orders.

A notice is applied only when its description names an open order and its amount is
exactly what the order still owes; anything else is stored and flagged for staff, who
settle it with ``services.bank_transfer_mark_received``. The bank reference is unique:
a notice delivered twice changes nothing the second time.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from backend.core.money import CURRENCY
from backend.orders.models import Order
from backend.payments import services
from backend.payments.gateways import GatewayResult
from backend.payments.gateways.vietqr import order_number_from_description, vietqr_gateway
from backend.payments.models import (
    BankNotice,
    BankNoticeFlag,
    BankNoticeStatus,
    TransactionEventType,
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
    if notice.flag or order is None:
        return notice
    transaction_item = services.order_open_transaction(order, vietqr_gateway, None)
    services.transaction_record(
        transaction=transaction_item,
        results=[
            GatewayResult(
                TransactionEventType.CHARGE_SUCCESS,
                notice.amount,
                reference,
                str(_("Ngân hàng báo đã nhận chuyển khoản")),
            )
        ],
        actor=None,
    )
    notice.status = BankNoticeStatus.APPLIED
    notice.transaction = transaction_item
    notice.save(update_fields=["status", "transaction"])
    return notice
