"""Small factories for payment tests: orders are created straight from the models until
the checkout services exist on this branch; every payment change goes through services."""

from __future__ import annotations

import itertools
from typing import Any

from django.utils import timezone

from backend.channels.models import Channel
from backend.orders.models import (
    FulfillmentGroup,
    FulfillmentStatus,
    Order,
    OrderStatus,
    PaymentMethod,
)
from producers.models import LegalForm, Producer, ProducerStatus

_sequence = itertools.count(1)


def channel() -> Channel:
    found, _created = Channel.objects.get_or_create(
        slug="vn", defaults={"name": "Việt Nam", "is_active": True}
    )
    return found


def producer(*, legal_form: str = LegalForm.HOP_TAC_XA, name: str | None = None) -> Producer:
    number = next(_sequence)
    return Producer.objects.create(
        legal_name=name or f"HTX Chè {number}",
        name=name or f"Chè {number}",
        slug=f"producer-{number}",
        legal_form=legal_form,
        province_code="38",
        status=ProducerStatus.APPROVED,
    )


def order(
    *,
    groups: list[tuple[Producer, int, int]] | None = None,
    user: Any = None,
    payment_method: str = PaymentMethod.COD,
    status: str = OrderStatus.UNFULFILLED,
    discount: int = 0,
) -> Order:
    """An order with one fulfilment group per ``(producer, goods subtotal, shipping)``."""
    groups = groups if groups is not None else [(producer(), 150_000, 30_000)]
    total = sum(goods + shipping for _p, goods, shipping in groups) - discount
    created = Order.objects.create(
        channel=channel(),
        user=user,
        user_email=getattr(user, "email", "") or "guest@example.com",
        status=status,
        payment_method=payment_method,
        subtotal_amount=sum(goods for _p, goods, _s in groups),
        shipping_amount=sum(shipping for _p, _g, shipping in groups),
        discount_amount=discount,
        total_amount=total,
    )
    for index, (seller, goods, shipping) in enumerate(groups, start=1):
        FulfillmentGroup.objects.create(
            order=created,
            producer=seller,
            fulfillment_order=index,
            subtotal_amount=goods,
            shipping_price_amount=shipping,
        )
    return created


def deliver(group: FulfillmentGroup, *, when: Any = None) -> FulfillmentGroup:
    """Test set-up for the orders app's fulfilment (not a payment change)."""
    group.status = FulfillmentStatus.FULFILLED
    group.fulfilled_at = when or timezone.now()
    group.save(update_fields=["status", "fulfilled_at"])
    return group
