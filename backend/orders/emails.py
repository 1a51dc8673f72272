"""Order emails: a confirmation to the shopper, a new-order notice to each producer.

Each send is recorded as an EMAIL_SENT order event and skipped if already recorded, so a
retried task never mails twice. Producer notices go to ``Producer.email``: producer
member accounts are not on this branch yet.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from backend.core.money import format_vnd
from backend.orders.events import order_event
from backend.orders.models import FulfillmentGroup, Order, OrderEventType

SITE_NAME = "OCOP Market"


def _already_sent(order: Order, kind: str, to: str) -> bool:
    return order.events.filter(
        type=OrderEventType.EMAIL_SENT, parameters__kind=kind, parameters__to=to
    ).exists()


def _send(order: Order, kind: str, to: str, language: str, context: dict[str, object]) -> bool:
    if not to or _already_sent(order, kind, to):
        return False
    language = language if language in ("vi", "en") else "vi"
    with translation.override(language):
        subject = render_to_string(f"orders/emails/{language}/{kind}_subject.txt", context)
        body = render_to_string(f"orders/emails/{language}/{kind}.txt", context)
    send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [to])
    order_event(order=order, type=OrderEventType.EMAIL_SENT, kind=kind, to=to)
    return True


def send_order_confirmation(order_pk: int) -> bool:
    order = Order.objects.filter(pk=order_pk).first()
    if order is None:
        return False
    lines = [
        {
            "product_name": line.product_name,
            "variant_name": line.variant_name,
            "quantity": line.quantity,
            # Before the voucher: the lines add up to the subtotal, the discount follows.
            "total": format_vnd(line.undiscounted_total_price_amount),
        }
        for line in order.lines.all()
    ]
    context = {
        "order": order,
        "lines": lines,
        "subtotal": format_vnd(order.subtotal_amount),
        "shipping": format_vnd(order.shipping_amount),
        "discount": format_vnd(order.discount_amount),
        "total": format_vnd(order.total_amount),
        "payment_method": order.get_payment_method_display(),
        "site_name": SITE_NAME,
    }
    return _send(order, "order_confirmation", order.user_email, order.language_code, context)


def send_producer_new_order(group_pk: int) -> bool:
    group = FulfillmentGroup.objects.select_related("order", "producer").filter(pk=group_pk).first()
    if group is None:
        return False
    context = {
        "order": group.order,
        "producer": group.producer,
        "group": group,
        "lines": list(group.lines.all()),
        "shipping": format_vnd(group.shipping_price_amount),
        "payment_method": group.order.get_payment_method_display(),
        "site_name": SITE_NAME,
    }
    return _send(group.order, "producer_new_order", group.producer.email, "vi", context)
