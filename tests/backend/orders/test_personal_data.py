"""Account deletion anonymises the person's orders; the data export includes them."""

import pytest

from backend.accounts import services as account_services
from backend.accounts.email_tokens import account_delete_tokens
from backend.checkout.complete import checkout_complete
from backend.checkout.models import Checkout
from backend.orders.models import Order, OrderLine
from tests.backend.checkout.factories import (
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
    ready_checkout,
)
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def placed_order(user):
    channel = make_channel()
    producer = make_producer()
    variant = make_variant(channel, producer=producer, stock=5, price=45_000)
    make_shipping(producer)
    checkout = ready_checkout(user, channel, [variant], quantity=2, email=user.email)
    checkout.lines.update(metadata={"gift_note": "Chúc mừng sinh nhật Lan"})
    order = checkout_complete(actor=user, token=checkout.pk)
    ready_checkout(user, channel, [variant], quantity=1, email=user.email)  # still open
    return order


def test_deletion_keeps_the_accounting_and_drops_the_person(user, placed_order):
    # given
    total, number = placed_order.total_amount, placed_order.number
    assert placed_order.lines.get().metadata == {"gift_note": "Chúc mừng sinh nhật Lan"}

    # when
    account_services.user_delete(actor=user, token=account_delete_tokens.make_token(user))

    # then: the order and its amounts stay, nothing identifies the buyer
    order = Order.objects.select_related("shipping_address").get(pk=placed_order.pk)
    assert (order.number, order.total_amount) == (number, total)
    assert list(OrderLine.objects.filter(order=order).values_list("metadata", flat=True)) == [{}]
    assert order.user is None
    assert order.user_email == ""
    address = order.shipping_address
    assert (address.first_name, address.last_name, address.phone, address.street_address_1) == (
        "",
        "",
        "",
        "",
    )
    assert address.province_code  # the delivery province stays for tax jurisdiction
    assert Checkout.objects.count() == 0


def test_deletion_leaves_other_peoples_orders_alone(user, placed_order, staff_user):
    # given another shopper's order
    other = make_user("other.buyer@example.com", groups=("shopper",))
    channel = placed_order.channel
    variant = placed_order.lines.get().variant
    checkout = ready_checkout(other, channel, [variant], email=other.email)
    theirs = checkout_complete(actor=other, token=checkout.pk)

    # when
    account_services.user_delete(actor=user, token=account_delete_tokens.make_token(user))

    # then
    theirs.refresh_from_db()
    assert theirs.user_email == "other.buyer@example.com"
    assert theirs.shipping_address.first_name != ""


def test_export_includes_the_orders(user, placed_order):
    # when
    data = account_services.user_data_export(actor=user)

    # then
    [exported] = data["orders"]
    assert exported["number"] == placed_order.number
    assert exported["total_amount"] == placed_order.total_amount
    assert exported["lines"][0]["quantity"] == 2
    # the price as listed (before any voucher) and the line's share of the discount
    assert exported["lines"][0]["unit_price_amount"] == 45_000
    assert exported["lines"][0]["discount_amount"] == 0
