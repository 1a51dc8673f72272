"""Order tasks: primary keys in, one service call, idempotent; queued with on_commit."""

from __future__ import annotations

from smtplib import SMTPException

from celery import shared_task
from django.db import transaction

from backend.orders import emails, services


@shared_task(
    name="orders.send_order_confirmation",
    acks_late=True,
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    max_retries=5,
)
def send_order_confirmation(order_pk: int) -> bool:
    return emails.send_order_confirmation(order_pk)


@shared_task(
    name="orders.send_producer_new_order",
    acks_late=True,
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    max_retries=5,
)
def send_producer_new_order(group_pk: int) -> bool:
    return emails.send_producer_new_order(group_pk)


@shared_task(name="orders.expire_unpaid_orders", acks_late=True)
def expire_unpaid_orders() -> int:
    """Beat job: cancel unpaid bank-transfer orders past their deadline, releasing stock."""
    return services.orders_expire_unpaid()


def queue_order_placed_emails(order_pk: int, group_pks: list[int]) -> None:
    """After the order commits: the shopper's confirmation and each producer's notice."""

    def queue() -> None:
        send_order_confirmation.delay(order_pk)
        for group_pk in group_pks:
            send_producer_new_order.delay(group_pk)

    transaction.on_commit(queue)
