from __future__ import annotations

import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection

from backend.checkout.complete import checkout_complete
from backend.checkout.models import Checkout
from backend.inventory.models import Allocation, Stock
from backend.orders.models import FulfillmentGroup, Order, OrderEvent, OrderLine
from tests.backend.checkout.factories import (
    make_channel,
    make_pickup,
    make_producer,
    make_shipping,
    make_variant,
    ready_checkout,
)

ANONYMOUS = AnonymousUser()
BUYERS = 50
UNITS = 10


def codes(error: ValidationError) -> list[str]:
    return [item.code for items in error.error_dict.values() for item in items]


@pytest.mark.django_db(transaction=True)
def test_race_fifty_buyers_ten_units_exactly_ten_orders():
    # given
    channel = make_channel()
    producer = make_producer()
    variant = make_variant(channel, producer=producer, stock=UNITS)
    make_shipping(producer)
    tokens = [
        ready_checkout(ANONYMOUS, channel, [variant], email=f"buyer{i}@example.com").pk
        for i in range(BUYERS)
    ]
    barrier = threading.Barrier(BUYERS)
    results: list[str] = []
    lock = threading.Lock()

    def buy(token):
        try:
            barrier.wait()
            checkout_complete(actor=ANONYMOUS, token=token)
            outcome = "ORDER"
        except ValidationError as exc:
            outcome = ",".join(codes(exc))
        finally:
            connection.close()  # each thread had its own PostgreSQL connection
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=buy, args=(token,)) for token in tokens]

    # when
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then
    assert results.count("ORDER") == UNITS
    assert results.count("INSUFFICIENT_STOCK") == BUYERS - UNITS
    stock = Stock.objects.get(product_variant=variant)
    assert stock.quantity == UNITS
    assert stock.quantity_allocated == UNITS
    assert Order.objects.count() == UNITS
    assert Checkout.objects.count() == BUYERS - UNITS  # losers keep their carts
    assert sum(Allocation.objects.values_list("quantity_allocated", flat=True)) == UNITS


@pytest.mark.django_db
def test_a_sold_out_cart_is_refused_before_an_order_number_is_taken():
    # given: two carts for the last unit; the first buyer completes
    channel = make_channel()
    producer = make_producer()
    variant = make_variant(channel, producer=producer, stock=1)
    make_shipping(producer)
    first, second, third = (
        ready_checkout(ANONYMOUS, channel, [variant], email=f"b{i}@example.com") for i in range(3)
    )
    placed = checkout_complete(actor=ANONYMOUS, token=first.pk)

    # when
    with pytest.raises(ValidationError) as error:
        checkout_complete(actor=ANONYMOUS, token=second.pk)

    # then: refused with nothing written, and the next order number is not skipped
    assert codes(error.value) == ["INSUFFICIENT_STOCK"]
    assert Order.objects.count() == 1 and Checkout.objects.filter(pk=second.pk).exists()
    Stock.objects.filter(product_variant=variant).update(quantity=2)
    assert checkout_complete(actor=ANONYMOUS, token=third.pk).number == placed.number + 1


@pytest.mark.django_db
# The checkout's writes are prepared statements; DB_PREPARED_STATEMENTS=false (behind a
# transaction-pooling proxy) runs the same SQL bound on the client, and must work the same.
@pytest.mark.parametrize("prepared_statements", [True, False], ids=["prepared", "client-bound"])
def test_three_producer_cart_becomes_one_order_with_three_groups(
    django_capture_on_commit_callbacks, settings, prepared_statements
):
    # given
    settings.DB_PREPARED_STATEMENTS = prepared_statements
    channel = make_channel()
    producers = [make_producer(f"HTX {i}") for i in range(3)]
    variants = [
        make_variant(channel, producer=producer, price=price)
        for producer, price in zip(producers, (100_000, 200_000, 300_000), strict=True)
    ]
    make_shipping(producers[0], price=30_000)
    make_shipping(producers[1], price=25_000, province_code="01")  # Hà Nội rate
    make_shipping(producers[2], price=40_000, free_above=500_000)  # 2 x 300k: free
    checkout = ready_checkout(ANONYMOUS, channel, variants, quantity=2)

    # when
    with django_capture_on_commit_callbacks(execute=True):
        order = checkout_complete(actor=ANONYMOUS, token=checkout.pk)

    # then
    groups = {g.producer_id: g for g in FulfillmentGroup.objects.filter(order=order)}
    assert len(groups) == 3
    assert [groups[p.pk].shipping_price_amount for p in producers] == [30_000, 25_000, 0]
    assert [groups[p.pk].subtotal_amount for p in producers] == [200_000, 400_000, 600_000]
    assert order.subtotal_amount == 1_200_000
    assert order.shipping_amount == 55_000
    assert order.total_amount == 1_255_000
    assert OrderLine.objects.filter(order=order).count() == 3
    assert order.events.first().type == "placed"
    assert sorted(m.to[0] for m in mail.outbox) == ["guest@example.com"]  # producers have no email
    assert not Checkout.objects.filter(pk=checkout.pk).exists()


@pytest.mark.django_db
def test_complete_twice_returns_the_same_order():
    # given
    channel = make_channel()
    producer = make_producer()
    variant = make_variant(channel, producer=producer, stock=5)
    make_shipping(producer)
    checkout = ready_checkout(ANONYMOUS, channel, [variant], quantity=2)

    # when
    first = checkout_complete(actor=ANONYMOUS, token=checkout.pk)
    second = checkout_complete(actor=ANONYMOUS, token=checkout.pk)

    # then
    assert first.pk == second.pk
    assert Order.objects.count() == 1
    assert Stock.objects.get(product_variant=variant).quantity_allocated == 2
    assert OrderEvent.objects.filter(type="placed").count() == 1


@pytest.mark.django_db
def test_pickup_group_is_free_and_producer_email_is_sent(django_capture_on_commit_callbacks):
    # given
    channel = make_channel()
    producer = make_producer()
    producer.email = "htx@example.com"
    producer.save()
    variant = make_variant(channel, producer=producer)
    make_pickup(producer)
    checkout = ready_checkout(ANONYMOUS, channel, [variant])

    # when
    with django_capture_on_commit_callbacks(execute=True):
        order = checkout_complete(
            actor=ANONYMOUS, token=checkout.pk, payment_data='{"gateway": "vietqr"}'
        )

    # then
    group = order.fulfillment_groups.get()
    assert group.is_pickup
    assert group.shipping_price_amount == 0
    assert order.payment_method == "vietqr"
    assert order.charge_status == "none"
    assert sorted(m.to[0] for m in mail.outbox) == ["guest@example.com", "htx@example.com"]


@pytest.mark.django_db
def test_complete_without_delivery_choice_fails_and_writes_nothing():
    # given
    channel = make_channel()
    producer = make_producer()
    variant = make_variant(channel, producer=producer)
    make_shipping(producer)
    checkout = ready_checkout(ANONYMOUS, channel, [variant])
    checkout.deliveries.all().delete()

    # when
    with pytest.raises(ValidationError) as error:
        checkout_complete(actor=ANONYMOUS, token=checkout.pk)

    # then
    assert codes(error.value) == ["SHIPPING_METHOD_NOT_SET"]
    assert Order.objects.count() == 0
    assert Stock.objects.get(product_variant=variant).quantity_allocated == 0
