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


@shared_task(name="orders.send_order_placed_emails", acks_late=True)
def send_order_placed_emails(order_pk: int, group_pks: list[int]) -> None:
    """Fan out in the worker: one email task per recipient, each retried on its own."""
    send_order_confirmation.delay(order_pk)
    for group_pk in group_pks:
        send_producer_new_order.delay(group_pk)


def queue_order_placed_emails(order_pk: int, group_pks: list[int]) -> None:
    """After the order commits: the shopper's confirmation and each producer's notice.

    One message from the web process whatever the number of producers (publishing costs
    the request about a millisecond each; bench/README.md)."""
    transaction.on_commit(lambda: send_order_placed_emails.delay(order_pk, group_pks))
