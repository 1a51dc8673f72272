"""The order confirmation lists lines before the voucher, so they add up to the subtotal
the discount is then taken from."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail

from backend.checkout import services
from backend.checkout.complete import checkout_complete
from backend.discounts.models import Voucher
from backend.orders.emails import send_order_confirmation
from tests.backend.checkout.factories import (
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
    ready_checkout,
)

ANONYMOUS = AnonymousUser()


@pytest.mark.django_db
def test_confirmation_lists_undiscounted_lines_then_the_discount():
    # given an order of 3 x 70,001 with a 10,000 voucher
    channel = make_channel()
    producer = make_producer()
    variant = make_variant(channel, producer=producer, price=70_001)
    make_shipping(producer, price=20_000)
    checkout = ready_checkout(ANONYMOUS, channel, [variant], quantity=3)
    Voucher.objects.create(code="TET", value=10_000)
    services.checkout_promo_code_add(checkout=checkout, code="TET")
    order = checkout_complete(actor=ANONYMOUS, token=checkout.pk)
    mail.outbox.clear()

    # when
    sent = send_order_confirmation(order.pk)

    # then
    (message,) = mail.outbox
    assert sent is True
    assert "× 3: 210.003 ₫" in message.body
    assert "Tạm tính: 210.003 ₫" in message.body
    assert "Giảm giá: 10.000 ₫" in message.body
    assert "Tổng cộng: 220.003 ₫" in message.body
