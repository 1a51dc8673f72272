"""Append-only history: transaction events, bank notice events, and the order events
payments cause."""

from __future__ import annotations

from typing import Any

from backend.accounts.models import User
from backend.orders.models import Order, OrderEvent, OrderEventType
from backend.payments.gateways.base import GatewayResult
from backend.payments.models import (
    BankNotice,
    BankNoticeEvent,
    BankNoticeEventType,
    TransactionEvent,
    TransactionItem,
)


def transaction_event_record(
    *,
    transaction: TransactionItem,
    result: GatewayResult,
    user: User | None,
    idempotency_key: str = "",
) -> TransactionEvent:
    return TransactionEvent.objects.create(
        transaction=transaction,
        type=result.type,
        amount=result.amount,
        psp_reference=result.psp_reference,
        message=result.message[:512],
        external_url=result.external_url,
        idempotency_key=idempotency_key,
        created_by=user,
    )


def order_event_record(
    *, order: Order, type: OrderEventType, user: User | None, **parameters: Any
) -> OrderEvent:
    return OrderEvent.objects.create(order=order, type=type, user=user, parameters=parameters)


def bank_notice_event_record(
    *, notice: BankNotice, type: BankNoticeEventType, user: User | None, **parameters: Any
) -> BankNoticeEvent:
    return BankNoticeEvent.objects.create(
        notice=notice, type=type, user=user, parameters=parameters
    )
