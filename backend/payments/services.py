"""Payment writes. Every money change: lock the order, then its transaction, apply the
gateway's results as events, then recompute the order's charge and authorize status.

Callers run these inside a database transaction (the GraphQL base mutation and the
webhook views do); the row locks are held until it commits.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils.translation import gettext as _

from backend.accounts.models import User
from backend.accounts.roles import is_staff
from backend.core.errors import DomainError, NotFound, PermissionDenied
from backend.orders.models import (
    FulfillmentGroup,
    FulfillmentStatus,
    Order,
    OrderAuthorizeStatus,
    OrderChargeStatus,
    OrderEventType,
    OrderStatus,
)
from backend.orders.producer_access import is_staff_or_producer_member, producer_ids_for_user
from backend.payments import events, ledger
from backend.payments.gateways import (
    ALL_GATEWAYS,
    GATEWAYS,
    Gateway,
    GatewayResponse,
    GatewayResult,
)
from backend.payments.gateways.cod import cod_gateway
from backend.payments.gateways.manual import manual_gateway
from backend.payments.gateways.vietqr import vietqr_gateway
from backend.payments.models import (
    BankNotice,
    BankNoticeStatus,
    TransactionAction,
    TransactionEvent,
    TransactionEventType,
    TransactionFlowStrategy,
    TransactionItem,
)
from backend.webhooks.event_types import WebhookEventType
from backend.webhooks.payloads import order_payload
from backend.webhooks.services import webhook_event_emit

T = TransactionEventType
CLOSED_ORDER_STATUSES = frozenset({OrderStatus.CANCELED, OrderStatus.EXPIRED})


def acting_user(actor: Any) -> User | None:
    return actor if isinstance(actor, User) and actor.is_authenticated else None


def gateway_for(transaction: TransactionItem) -> Gateway:
    return ALL_GATEWAYS[transaction.gateway]


def order_amount_outstanding(order: Order) -> int:
    """What is still to pay: the total minus money charged or held by any transaction."""
    totals = order.transactions.aggregate(
        charged=Sum("charged_amount"), held=Sum("authorized_amount")
    )
    return order.total_amount - (totals["charged"] or 0) - (totals["held"] or 0)


def order_lock(order_id: int) -> Order:
    return Order.objects.select_for_update().get(pk=order_id)


def transaction_lock(transaction_id: int) -> TransactionItem:
    return (
        TransactionItem.objects.select_for_update().select_related("order").get(pk=transaction_id)
    )


def order_ensure_payable(order: Order, *, field: str = "id") -> None:
    if order.status in CLOSED_ORDER_STATUSES:
        raise DomainError(
            "INVALID", _("Đơn hàng đã hủy hoặc hết hạn, không thể thanh toán."), field=field
        )


def _apply(transaction: TransactionItem, result: GatewayResult) -> None:
    """Move the transaction's amounts as Saleor does for one event (never below zero)."""
    amount = result.amount

    def take(name: str, value: int) -> int:
        current = getattr(transaction, name)
        taken = min(current, value)
        setattr(transaction, name, current - taken)
        return taken

    if result.type == T.AUTHORIZATION_REQUEST:
        transaction.authorize_pending_amount += amount
    elif result.type == T.AUTHORIZATION_SUCCESS:
        transaction.authorized_amount += amount
        take("authorize_pending_amount", amount)
    elif result.type == T.AUTHORIZATION_FAILURE:
        take("authorize_pending_amount", amount)
    elif result.type == T.CHARGE_REQUEST:
        transaction.charge_pending_amount += amount
    elif result.type == T.CHARGE_SUCCESS:
        transaction.charged_amount += amount
        rest = amount - take("authorized_amount", amount)
        take("charge_pending_amount", rest)
    elif result.type == T.CHARGE_FAILURE:
        take("charge_pending_amount", amount)
    elif result.type == T.REFUND_REQUEST:
        transaction.refund_pending_amount += amount
    elif result.type == T.REFUND_SUCCESS:
        transaction.refunded_amount += amount
        take("charged_amount", amount)
        take("refund_pending_amount", amount)
    elif result.type == T.REFUND_FAILURE:
        take("refund_pending_amount", amount)
    elif result.type == T.CANCEL_SUCCESS:
        rest = amount - take("authorized_amount", amount)
        rest -= take("authorize_pending_amount", rest)
        take("charge_pending_amount", rest)
        transaction.canceled_amount += amount
    if result.psp_reference and not transaction.psp_reference:
        transaction.psp_reference = result.psp_reference
    if result.external_url:
        transaction.external_url = result.external_url
    if result.message:
        transaction.message = result.message[:512]


def transaction_record(
    *,
    transaction: TransactionItem,
    results: list[GatewayResult],
    actor: Any,
    idempotency_key: str = "",
) -> TransactionEvent | None:
    """Apply ``results`` to a locked transaction, write one event each, and recompute the
    order's payment status. A refund reverses the producers' ledger entries in proportion
    (``ledger.ledger_post_refund``). Returns the last event written (None for no results)."""
    user = acting_user(actor)
    event = refund = None
    for result in results:
        _apply(transaction, result)
        event = events.transaction_event_record(
            transaction=transaction, result=result, user=user, idempotency_key=idempotency_key
        )
        if result.type == T.REFUND_SUCCESS:
            refund = event
    if results:
        transaction.save()
        order = order_update_payment_status(order=transaction.order, actor=actor)
        if refund is not None:
            ledger.ledger_post_refund(order=order, event=refund)
    return event


def order_update_payment_status(*, order: Order, actor: Any) -> Order:
    """Recompute the order's charged and authorized totals and statuses from its
    transactions (the one place that writes them). On first becoming paid it writes
    ORDER_FULLY_PAID and posts the producers' ledger entries."""
    totals = order.transactions.aggregate(
        charged=Sum("charged_amount"), authorized=Sum("authorized_amount")
    )
    charged, authorized = totals["charged"] or 0, totals["authorized"] or 0
    was_paid = order.is_paid
    if charged > order.total_amount:
        order.charge_status = OrderChargeStatus.OVERCHARGED
    elif charged >= order.total_amount:
        order.charge_status = OrderChargeStatus.FULL
    elif charged > 0:
        order.charge_status = OrderChargeStatus.PARTIAL
    else:
        order.charge_status = OrderChargeStatus.NONE
    if charged + authorized >= order.total_amount:
        order.authorize_status = OrderAuthorizeStatus.FULL
    elif charged + authorized > 0:
        order.authorize_status = OrderAuthorizeStatus.PARTIAL
    else:
        order.authorize_status = OrderAuthorizeStatus.NONE
    order.total_charged_amount, order.total_authorized_amount = charged, authorized
    order.save(
        update_fields=[
            "charge_status",
            "authorize_status",
            "total_charged_amount",
            "total_authorized_amount",
            "updated_at",
        ]
    )
    if order.is_paid and not was_paid:
        events.order_event_record(
            order=order,
            type=OrderEventType.ORDER_FULLY_PAID,
            user=acting_user(actor),
            amount=charged,
        )
        ledger.ledger_post_paid_order(order=order)
        webhook_event_emit(
            event_type=WebhookEventType.ORDER_PAID, payload=partial(order_payload, order)
        )
    return order


def order_pending_transactions_cancel(*, order: Order, actor: Any) -> None:
    """Cancel, as superseded, the money still pending on the order's transactions that hold
    none (a new attempt or staff's record replaces them, so nothing counts twice). Caller
    holds the order's row lock."""
    for earlier in order.transactions.select_for_update().filter(authorized_amount=0):
        pending = earlier.charge_pending_amount + earlier.authorize_pending_amount
        if pending:
            transaction_record(
                transaction=earlier,
                results=[GatewayResult(T.CANCEL_SUCCESS, pending, message="superseded")],
                actor=actor,
            )


def bank_reference_ensure_unused(reference: str, *, field: str) -> None:
    """Refuse a bank reference already recorded as money received (by a bank notice, a
    transfer staff recorded, or staff marking an order paid)."""
    if (
        TransactionEvent.objects.filter(
            transaction__gateway__in=(vietqr_gateway.id, manual_gateway.id),
            type=T.CHARGE_SUCCESS,
            psp_reference=reference,
        ).exists()
        or BankNotice.objects.filter(
            bank_reference=reference, status=BankNoticeStatus.APPLIED
        ).exists()
    ):
        raise DomainError("INVALID", _("Giao dịch ngân hàng này đã được ghi nhận."), field=field)


def transaction_initialize(
    *,
    actor: Any,
    order: Order,
    gateway_id: str,
    action: TransactionFlowStrategy = TransactionFlowStrategy.CHARGE,
    amount: int | None = None,
    data: dict[str, Any] | None = None,
    idempotency_key: str = "",
) -> tuple[TransactionItem, TransactionEvent | None, dict[str, Any] | None]:
    """Start paying ``order`` (already access-checked) through ``gateway_id``.

    The amount must be exactly what is outstanding. Money still pending on earlier attempts
    that hold none is cancelled (``order_pending_transactions_cancel``), so switching from
    VietQR to a card never counts twice.
    """
    order = order_lock(order.pk)
    if idempotency_key:
        existing = order.transactions.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing, existing.events.last(), existing.private_metadata.get("data")
    order_ensure_payable(order)
    gateway = GATEWAYS.get(gateway_id)
    if gateway is None or not gateway.is_available(amount=order.total_amount):
        raise ValidationError(
            {
                "payment_gateway": ValidationError(
                    _("Cổng thanh toán %(id)s không dùng được cho đơn hàng này."),
                    code="NOT_FOUND",
                    params={"id": gateway_id},
                )
            }
        )
    if action == TransactionFlowStrategy.AUTHORIZATION and not gateway.supports_authorization:
        raise ValidationError(
            {"action": ValidationError(_("Cổng này chỉ hỗ trợ thu tiền ngay."), code="INVALID")}
        )
    outstanding = order_amount_outstanding(order)
    if outstanding <= 0:
        raise ValidationError(
            {"id": ValidationError(_("Đơn hàng đã được thanh toán."), code="INVALID")}
        )
    if amount is not None and amount != outstanding:
        raise ValidationError(
            {
                "amount": ValidationError(
                    _("Số tiền phải đúng bằng số còn phải trả: %(due)s đồng."),
                    code="INVALID",
                    params={"due": outstanding},
                )
            }
        )
    order_pending_transactions_cancel(order=order, actor=actor)
    transaction = TransactionItem.objects.create(
        order=order,
        gateway=gateway.id,
        name=gateway.name,
        idempotency_key=idempotency_key,
        created_by=acting_user(actor),
    )
    response: GatewayResponse = gateway.initialize(
        order=order, transaction=transaction, amount=outstanding, action=action, data=data or {}
    )
    if response.psp_reference:
        transaction.psp_reference = response.psp_reference
    transaction.private_metadata = {"data": response.data}
    event = transaction_record(
        transaction=transaction,
        results=response.results,
        actor=actor,
        idempotency_key=idempotency_key,
    )
    transaction.save()
    if order.payment_method != gateway.method:
        order.payment_method = gateway.method
        order.save(update_fields=["payment_method", "updated_at"])
    return transaction, event, response.data


def transaction_process(
    *, actor: Any, transaction: TransactionItem, data: dict[str, Any] | None = None
) -> tuple[TransactionItem, TransactionEvent | None, dict[str, Any] | None]:
    """Read the gateway's state back into an (access-checked) transaction."""
    order_lock(transaction.order_id)
    transaction = transaction_lock(transaction.pk)
    if (
        transaction.charged_amount or transaction.refunded_amount or transaction.canceled_amount
    ) and not (transaction.charge_pending_amount or transaction.authorize_pending_amount):
        raise DomainError(
            "TRANSACTION_ALREADY_PROCESSED", _("Giao dịch đã được xử lý."), field="id"
        )
    response = gateway_for(transaction).process(transaction=transaction, data=data or {})
    recordable = [result for result in response.results if result.type != T.INFO]
    event = transaction_record(transaction=transaction, results=recordable, actor=actor)
    return transaction, event, response.data


def transaction_request_action(
    *, actor: Any, transaction: TransactionItem, action: TransactionAction, amount: int | None
) -> TransactionItem:
    """Staff: capture held money, refund charged money, or cancel what is not yet charged."""
    if not is_staff(actor):
        raise PermissionDenied()
    order_lock(transaction.order_id)
    transaction = transaction_lock(transaction.pk)
    gateway = gateway_for(transaction)
    if action == TransactionAction.CHARGE:
        if not gateway.supports_capture or transaction.authorized_amount <= 0:
            raise DomainError(
                "INVALID", _("Không có khoản ủy quyền nào để thu."), field="actionType"
            )
        amount = transaction.authorized_amount if amount is None else amount
        if amount > transaction.authorized_amount:
            raise DomainError("INVALID", _("Số tiền thu vượt quá số đã ủy quyền."), field="amount")
        response = gateway.capture(transaction=transaction, amount=amount)
    elif action == TransactionAction.REFUND:
        refundable = transaction.charged_amount - transaction.refund_pending_amount
        amount = refundable if amount is None else amount
        if refundable <= 0 or amount > refundable:
            raise DomainError(
                "INVALID",
                _("Số tiền hoàn vượt quá số đã thu (%(refundable)s đồng).")
                % {"refundable": refundable},
                field="amount",
            )
        response = gateway.refund(transaction=transaction, amount=amount)
    else:
        if not (
            transaction.authorized_amount
            or transaction.charge_pending_amount
            or transaction.authorize_pending_amount
        ):
            raise DomainError("INVALID", _("Không còn khoản nào để hủy."), field="actionType")
        response = gateway.cancel(transaction=transaction)
    transaction_record(transaction=transaction, results=response.results, actor=actor)
    return transaction


def order_open_transaction(order: Order, gateway: Gateway, actor: Any) -> TransactionItem:
    """The order's transaction through ``gateway``, started for the outstanding amount when
    the order was placed without one (orders placed before payment began)."""
    transaction = order.transactions.filter(gateway=gateway.id).order_by("-pk").first()
    if transaction is not None:
        return transaction_lock(transaction.pk)
    transaction, _event, _data = transaction_initialize(
        actor=actor, order=order, gateway_id=gateway.id
    )
    return transaction_lock(transaction.pk)


def fulfillment_group_cash_collect(*, actor: Any, group_id: int) -> FulfillmentGroup:
    """The cash for one producer's delivered group was collected. When every group of the
    order is collected the order is paid. Staff, or members of the group's producer (another
    producer's group is NOT_FOUND)."""
    if not is_staff_or_producer_member(actor):
        raise PermissionDenied()
    group = FulfillmentGroup.objects.filter(pk=group_id).first()
    if (
        group is not None
        and not is_staff(actor)
        and (group.producer_id not in producer_ids_for_user(actor))
    ):
        group = None
    if group is None:
        raise NotFound(_("Không tìm thấy nhóm giao hàng."), field="id")
    order = order_lock(group.order_id)
    group = FulfillmentGroup.objects.select_for_update().get(pk=group_id)
    if order.payment_method != cod_gateway.method:
        raise DomainError("NOT_COD", _("Đơn hàng không thanh toán khi nhận hàng."), field="id")
    order_ensure_payable(order)
    if group.cod_collected:
        raise DomainError("ALREADY_COLLECTED", _("Đã thu tiền cho nhóm này rồi."), field="id")
    if group.status != FulfillmentStatus.FULFILLED:
        raise DomainError("NOT_DELIVERED", _("Nhóm hàng chưa được giao."), field="id")
    transaction = order_open_transaction(order, cod_gateway, actor)
    others_open = order.fulfillment_groups.exclude(pk=group.pk).filter(cod_collected=False).exists()
    pending = transaction.charge_pending_amount
    # The last group takes the remainder, so the amounts always add up to the order's.
    amount = (
        min(group.goods_amount + group.shipping_price_amount, pending) if others_open else pending
    )
    transaction_record(
        transaction=transaction,
        results=[
            GatewayResult(
                T.CHARGE_SUCCESS, amount, f"cod-group-{group.pk}", str(_("Đã thu tiền mặt"))
            )
        ],
        actor=actor,
    )
    group.cod_collected = True
    group.save(update_fields=["cod_collected"])
    return group
