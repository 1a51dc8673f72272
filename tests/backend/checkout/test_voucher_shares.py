"""A voucher's discount is split over the producers of a multi-producer order (largest
remainder, exact to the đồng), stored on the groups and lines, and each producer's
revenue in the ledger is its discounted amount. A producer's voucher applies to that
producer's products only."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from backend.checkout import services
from backend.checkout.complete import checkout_complete
from backend.checkout.info import checkout_info
from backend.checkout.models import Checkout
from backend.discounts.models import Voucher, VoucherValueType
from backend.orders.models import FulfillmentGroup, Order, OrderLine
from backend.payments import services as payment_services
from backend.payments.gateways.cod import cod_gateway
from backend.payments.models import LedgerEntry, LedgerEntryKind
from tests.backend.checkout.factories import (
    codes,
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
    ready_checkout,
)
from tests.backend.payments import factories as payment_factories

ANONYMOUS = AnonymousUser()
pytestmark = pytest.mark.django_db


@pytest.fixture
def cart():
    """Producer A: lines of 70,000 and 30,000; producer B: one line of 200,000."""
    channel = make_channel()
    first, second = make_producer("HTX A"), make_producer("HTX B")
    variants = [
        make_variant(channel, producer=first, price=70_000),
        make_variant(channel, producer=first, price=30_000),
        make_variant(channel, producer=second, price=200_000),
    ]
    make_shipping(first, price=20_000)
    make_shipping(second, price=10_000)
    checkout = ready_checkout(ANONYMOUS, channel, variants)
    return checkout, first, second, variants


def shares(order: Order) -> tuple[list[int], list[int]]:
    groups = FulfillmentGroup.objects.filter(order=order).order_by("fulfillment_order")
    lines = OrderLine.objects.filter(order=order).order_by("pk")
    return (
        [group.discount_amount for group in groups],
        [line.discount_amount for line in lines],
    )


def test_platform_voucher_is_split_by_producer_and_line_summing_exactly(cart):
    # given
    checkout = cart[0]
    Voucher.objects.create(code="TET", value=10_000)
    services.checkout_promo_code_add(checkout=checkout, code="tet")

    # when
    info = checkout_info(checkout)
    order = checkout_complete(actor=ANONYMOUS, token=checkout.pk)

    # then 10,000 over 100,000 : 200,000 is 3,333.33 : 6,666.67; A's 3,333 over 70 : 30
    assert [group.discount for group in info.groups] == [3_333, 6_667]
    assert order.discount_amount == 10_000
    assert shares(order) == ([3_333, 6_667], [2_333, 1_000, 6_667])
    assert order.total_amount == 300_000 - 10_000 + 30_000


def test_each_producers_revenue_is_its_discounted_amount(cart, staff_user):
    # given a paid-on-delivery order with a platform voucher
    checkout, first, second, _ = cart
    Voucher.objects.create(code="TET", value=10_000)
    services.checkout_promo_code_add(checkout=checkout, code="TET")
    order = checkout_complete(actor=ANONYMOUS, token=checkout.pk)
    payment_services.transaction_initialize(actor=None, order=order, gateway_id=cod_gateway.id)
    group_a, group_b = order.fulfillment_groups.order_by("fulfillment_order")

    # when both producers deliver and collect the cash
    charged = []
    for group in (group_a, group_b):
        payment_factories.deliver(group)
        payment_services.fulfillment_group_cash_collect(actor=staff_user, group_id=group.pk)
        order.refresh_from_db()
        charged.append(order.total_charged_amount)

    # then each collects its goods less its share plus its delivery, and earns that
    assert charged == [100_000 - 3_333 + 20_000, 300_000 - 10_000 + 30_000]
    revenue = dict(
        LedgerEntry.objects.filter(kind=LedgerEntryKind.REVENUE).values_list(
            "producer_id", "amount"
        )
    )
    assert revenue == {first.pk: 96_667 + 20_000, second.pk: 193_333 + 10_000}


def test_producer_voucher_discounts_only_that_producers_lines(cart):
    # given B's voucher: 10% with a minimum of 150,000 of B's products
    checkout, _first, second, _variants = cart
    Voucher.objects.create(
        code="HTXB",
        value_type=VoucherValueType.PERCENTAGE,
        value=10,
        min_spend_amount=150_000,
        producer=second,
    )
    services.checkout_promo_code_add(checkout=checkout, code="HTXB")

    # when
    info = checkout_info(checkout)
    order = checkout_complete(actor=ANONYMOUS, token=checkout.pk)

    # then 10% of B's 200,000, all B's
    assert info.discount == 20_000
    assert shares(order) == ([0, 20_000], [0, 0, 20_000])


@pytest.mark.parametrize(
    ("min_spend", "only_first_producer"),
    [(250_000, False), (0, True)],  # B's lines are 200,000 of a 300,000 cart; no B at all
)
def test_producer_voucher_needs_that_producers_products(cart, min_spend, only_first_producer):
    # given
    checkout, _first, second, variants = cart
    if only_first_producer:
        checkout.lines.filter(variant=variants[2]).delete()
    Voucher.objects.create(code="HTXB", value=5_000, min_spend_amount=min_spend, producer=second)

    # when
    with pytest.raises(ValidationError) as error:
        services.checkout_promo_code_add(checkout=checkout, code="HTXB")

    # then
    assert codes(error.value) == ["VOUCHER_NOT_APPLICABLE"]
    assert Checkout.objects.get(pk=checkout.pk).voucher_code == ""


def test_producer_voucher_whose_products_left_the_cart_is_refused_at_completion(cart):
    # given B's voucher applied, then B's line removed
    checkout, _first, second, variants = cart
    Voucher.objects.create(code="HTXB", value=5_000, producer=second)
    services.checkout_promo_code_add(checkout=checkout, code="HTXB")
    line = checkout.lines.get(variant=variants[2])
    services.checkout_lines_delete(checkout=checkout, line_ids=[line.pk])

    # when
    discount = checkout_info(checkout).discount
    with pytest.raises(ValidationError) as error:
        checkout_complete(actor=ANONYMOUS, token=checkout.pk)

    # then
    assert discount == 0
    assert codes(error.value) == ["VOUCHER_NOT_APPLICABLE"]
    assert Order.objects.count() == 0
    assert Voucher.objects.get().used == 0


def test_orders_placed_before_shares_get_them_from_the_migration():
    # given an old order: a 5,000 discount, no shares stored
    first, second = payment_factories.producer(), payment_factories.producer()
    order = payment_factories.order(
        groups=[(first, 100_000, 0), (second, 50_000, 0)], discount=5_000
    )
    group = order.fulfillment_groups.get(producer=first)
    for price in (60_000, 40_000):
        OrderLine.objects.create(
            order=order,
            fulfillment_group=group,
            producer=first,
            product_name="Chè",
            quantity=1,
            undiscounted_unit_price_amount=price,
            undiscounted_total_price_amount=price,
        )
    migration = importlib.import_module("backend.orders.migrations.0004_share_past_discounts")

    # when
    migration.share_past_discounts(apps, None)

    # then 5,000 over 100,000 : 50,000, then A's 3,333 over 60,000 : 40,000
    assert shares(order) == ([3_333, 1_667], [2_000, 1_333])
