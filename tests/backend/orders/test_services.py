from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from backend.checkout.complete import checkout_complete
from backend.core.errors import DomainError, PermissionDenied
from backend.inventory.models import Allocation, Stock
from backend.orders import services
from backend.orders.demo import load_demo_orders
from backend.orders.models import Order
from backend.orders.tasks import expire_unpaid_orders
from backend.payments.models import LedgerEntry, TransactionEvent, TransactionItem
from tests.backend.checkout.factories import (
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
    ready_checkout,
)
from tests.backend.payments.fixtures import payment_settings  # noqa: F401

ANONYMOUS = AnonymousUser()


def placed_order(quantity=2, payment_data=None, producers=1):
    channel = make_channel()
    variants = []
    for i in range(producers):
        producer = make_producer(f"HTX {i}")
        variants.append(make_variant(channel, producer=producer, stock=5))
        make_shipping(producer)
    checkout = ready_checkout(ANONYMOUS, channel, variants, quantity=quantity)
    return checkout_complete(
        actor=ANONYMOUS, token=checkout.pk, payment_data=payment_data
    ), variants


@pytest.mark.django_db
def test_cancel_releases_stock_and_records_event(staff_user):
    # given
    order, (variant,) = placed_order()

    # when
    services.order_cancel(actor=staff_user, order=order)

    # then
    order.refresh_from_db()
    assert order.status == "canceled"
    assert Stock.objects.get(product_variant=variant).quantity_allocated == 0
    assert Allocation.objects.count() == 0
    assert list(order.events.values_list("type", flat=True)) == ["placed", "canceled"]


@pytest.mark.django_db
def test_shopper_may_not_cancel_and_fulfilled_order_cannot_be_cancelled(user, staff_user):
    # given
    order, _ = placed_order()

    # when / then
    with pytest.raises(PermissionDenied):
        services.order_cancel(actor=user, order=order)
    services.order_fulfill(actor=staff_user, order=order, group=order.fulfillment_groups.get())
    with pytest.raises(ValidationError) as error:
        services.order_cancel(actor=staff_user, order=order)
    assert error.value.code == "CANNOT_CANCEL_ORDER"


@pytest.mark.django_db
def test_fulfil_each_producer_group_moves_status_and_consumes_stock(staff_user):
    # given
    order, variants = placed_order(producers=2)
    first, second = order.fulfillment_groups.order_by("fulfillment_order")

    # when
    services.order_fulfill(
        actor=staff_user, order=order, group=first, tracking_number="VN123", carrier="VNPost"
    )

    # then
    order.refresh_from_db()
    assert order.status == "partially_fulfilled"
    services.order_fulfill(actor=staff_user, order=order, group=second)
    order.refresh_from_db()
    assert order.status == "fulfilled"
    stocks = [Stock.objects.get(product_variant=v) for v in variants]
    assert [(s.quantity, s.quantity_allocated) for s in stocks] == [(3, 0), (3, 0)]
    first.refresh_from_db()
    assert (first.tracking_number, first.carrier) == ("VN123", "VNPost")


@pytest.mark.django_db
def test_unpaid_vietqr_order_cannot_be_fulfilled_until_marked_paid(
    staff_user,
    payment_settings,  # noqa: F811
):
    # given
    order, _ = placed_order(payment_data='{"gateway": "vietqr"}')
    group = order.fulfillment_groups.get()

    # when / then
    with pytest.raises(ValidationError) as error:
        services.order_fulfill(actor=staff_user, order=order, group=group)
    assert error.value.code == "CANNOT_FULFILL_UNPAID_ORDER"
    services.order_mark_as_paid(actor=staff_user, order=order, transaction_reference="FT123")
    services.order_fulfill(actor=staff_user, order=order, group=group)
    assert order.status == "fulfilled"


@pytest.mark.django_db
def test_expiry_job_cancels_only_old_unpaid_vietqr_orders(settings):
    # given
    settings.ORDER_UNPAID_EXPIRY_MINUTES = 60
    old, (variant,) = placed_order(payment_data='{"gateway": "vietqr"}')
    Order.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=2))
    cod, _ = placed_order()
    Order.objects.filter(pk=cod.pk).update(created_at=timezone.now() - timedelta(hours=2))

    # when
    expired = expire_unpaid_orders()
    again = expire_unpaid_orders()

    # then
    assert (expired, again) == (1, 0)
    old.refresh_from_db()
    cod.refresh_from_db()
    assert (old.status, cod.status) == ("canceled", "unfulfilled")
    assert Stock.objects.get(product_variant=variant).quantity_allocated == 0
    assert old.events.filter(type="expired").count() == 1


@pytest.mark.django_db
def test_demo_orders_are_made_once_across_producers(staff_user):
    # given
    channel = make_channel()
    for i in range(3):
        make_variant(channel, producer=make_producer(f"HTX {i}"), stock=20)

    # when
    made = load_demo_orders(staff_user)
    again = load_demo_orders(staff_user)

    # then
    assert (made, again) == (3, 0)
    statuses = sorted(Order.objects.values_list("status", flat=True))
    assert statuses == ["canceled", "partially_fulfilled", "unfulfilled"]
    assert all(o.fulfillment_groups.count() == 3 for o in Order.objects.all())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("payment_data", "reference"),
    [('{"gateway": "vietqr"}', "FT777"), ('{"gateway": "vietqr"}', ""), (None, "")],
)
def test_mark_as_paid_goes_through_payments(
    staff_user,
    payment_settings,  # noqa: F811
    payment_data,
    reference,
):
    # given
    order, _ = placed_order(payment_data=payment_data, producers=2)

    # when
    services.order_mark_as_paid(actor=staff_user, order=order, transaction_reference=reference)

    # then
    order.refresh_from_db()
    assert (order.charge_status, order.total_charged_amount) == ("full", order.total_amount)
    (item,) = TransactionItem.objects.filter(order=order)
    assert (item.gateway, item.charged_amount, item.charge_pending_amount) == (
        "ocop.payments.manual",
        order.total_amount,
        0,
    )
    assert item.events.filter(type="charge_success", amount=order.total_amount).count() == 1
    assert LedgerEntry.objects.filter(order=order).exists()
    assert set(order.events.values_list("type", flat=True)) >= {
        "order_marked_as_paid",
        "order_fully_paid",
    }
    if payment_data is None:  # cash on delivery: no courier collects it again
        assert set(order.fulfillment_groups.values_list("cod_collected", flat=True)) == {True}


@pytest.mark.django_db
def test_mark_as_paid_refuses_a_reused_bank_reference_and_changes_nothing(
    staff_user,
    payment_settings,  # noqa: F811
):
    # given
    first, _ = placed_order(payment_data='{"gateway": "vietqr"}')
    second, _ = placed_order(payment_data='{"gateway": "vietqr"}')
    services.order_mark_as_paid(actor=staff_user, order=first, transaction_reference="FT1")
    before = (TransactionEvent.objects.count(), LedgerEntry.objects.count())

    # when
    with pytest.raises(DomainError) as error, transaction.atomic():
        services.order_mark_as_paid(actor=staff_user, order=second, transaction_reference="FT1")

    # then
    assert (error.value.code, error.value.field) == ("INVALID", "transactionReference")
    second.refresh_from_db()
    assert second.charge_status == "none"
    assert (TransactionEvent.objects.count(), LedgerEntry.objects.count()) == before
