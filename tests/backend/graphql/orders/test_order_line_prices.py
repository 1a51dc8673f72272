"""OrderLine prices as Saleor shows them: ``totalPrice`` and ``unitPrice`` after the line's
share of the voucher, ``undiscounted*`` before it, and the unit discount between. The
line totals are exact, so they sum to the order's subtotal less its discount; the unit
price is the total over the quantity rounded half up to whole đồng."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from graphql_relay import to_global_id

from backend.checkout import services
from backend.checkout.complete import checkout_complete
from backend.discounts.models import Voucher
from backend.orders.models import Order, OrderLine
from tests.backend.checkout.factories import (
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
    ready_checkout,
)
from tests.conftest import content, counted_post

ANONYMOUS = AnonymousUser()
pytestmark = pytest.mark.django_db
PRICES = """
fragment Prices on OrderLine {
  quantity
  unitPrice { gross { amount } net { amount } }
  undiscountedUnitPrice { gross { amount } }
  unitDiscount { amount currency }
  unitDiscountValue
  unitDiscountType
  unitDiscountReason
  totalPrice { gross { amount } net { amount } }
  undiscountedTotalPrice { gross { amount } }
}
"""
ORDER = (
    PRICES
    + """
query Order($id: ID) { order(id: $id) {
  subtotal { gross { amount } } discount { amount } voucherCode
  total { gross { amount } } shippingPrice { gross { amount } }
  lines { ...Prices }
  fulfillments { subtotal { amount } discount { amount } lines { ...Prices } }
} }
"""
)
ORDERS = (
    PRICES
    + """
query { orders(first: 20) { edges { node {
  lines { ...Prices } fulfillments { lines { ...Prices } } } } } }
"""
)
FULFILL = (
    PRICES
    + """
mutation Fulfill($order: ID!, $fulfillment: ID!) {
  orderFulfill(order: $order, input: {lines: [], fulfillmentId: $fulfillment}) {
    fulfillments { lines { ...Prices } }
    errors { field code }
  }
}
"""
)


def place(voucher: Voucher | None = None, quantity: int = 3) -> Order:
    """Producer A: lines of 70,001 and 30,000 đồng a unit; producer B: one of 200,000."""
    channel = make_channel()
    first, second = make_producer("HTX A"), make_producer("HTX B")
    variants = [
        make_variant(channel, producer=first, price=70_001, stock=50),
        make_variant(channel, producer=first, price=30_000, stock=50),
        make_variant(channel, producer=second, price=200_000, stock=50),
    ]
    make_shipping(first, price=20_000)
    make_shipping(second, price=10_000)
    checkout = ready_checkout(ANONYMOUS, channel, variants, quantity=quantity)
    if voucher is not None:
        services.checkout_promo_code_add(checkout=checkout, code=voucher.code)
    return checkout_complete(actor=ANONYMOUS, token=checkout.pk)


def amount(money: dict[str, Any]) -> int:
    gross = money.get("gross", money)
    assert money.get("net", gross) == gross
    return int(gross["amount"])


def read(client: Any, order: Order) -> dict[str, Any]:
    return content(client.post_graphql(ORDER, {"id": to_global_id("Order", order.pk)}))["data"][
        "order"
    ]


def test_voucher_lines_show_discounted_totals_summing_to_subtotal_less_discount(
    staff_api_client,
):
    # given a platform voucher of 10,000 over 900,003 đồng of goods from two producers
    order = place(Voucher.objects.create(code="TET", value=10_000))
    shares = list(OrderLine.objects.filter(order=order).values_list("discount_amount", flat=True))

    # when
    data = read(staff_api_client, order)

    # then: shares 2,333 + 1,000 (A's 3,333) and 6,667 (B's), exact to the đồng
    lines = data["lines"]
    assert shares == [2_333, 1_000, 6_667]
    assert [amount(line["undiscountedTotalPrice"]) for line in lines] == [
        210_003,
        90_000,
        600_000,
    ]
    assert [amount(line["totalPrice"]) for line in lines] == [207_670, 89_000, 593_333]
    subtotal, discount = amount(data["subtotal"]), amount(data["discount"])
    assert (subtotal, discount) == (900_003, 10_000)
    assert sum(amount(line["totalPrice"]) for line in lines) == subtotal - discount
    assert amount(data["total"]) == subtotal - discount + amount(data["shippingPrice"])
    # unit prices: 207,670 / 3 = 69,223.33; 89,000 / 3 = 29,666.67; 593,333 / 3 = 197,777.67
    assert [amount(line["unitPrice"]) for line in lines] == [69_223, 29_667, 197_778]
    assert [amount(line["undiscountedUnitPrice"]) for line in lines] == [70_001, 30_000, 200_000]
    assert [line["unitDiscount"] for line in lines] == [
        {"amount": 778, "currency": "VND"},
        {"amount": 333, "currency": "VND"},
        {"amount": 2_222, "currency": "VND"},
    ]
    assert [line["unitDiscountValue"] for line in lines] == [778, 333, 2_222]
    assert {line["unitDiscountType"] for line in lines} == {"FIXED"}
    assert {line["unitDiscountReason"] for line in lines} == {"Mã giảm giá: TET"}


def test_each_fulfilment_group_is_the_sum_of_its_discounted_lines(staff_api_client):
    # given
    order = place(Voucher.objects.create(code="TET", value=10_000))

    # when
    groups = read(staff_api_client, order)["fulfillments"]

    # then
    for group in groups:
        goods = amount(group["subtotal"]) - amount(group["discount"])
        assert goods == sum(amount(line["totalPrice"]) for line in group["lines"])
        undiscounted = sum(amount(line["undiscountedTotalPrice"]) for line in group["lines"])
        assert amount(group["subtotal"]) == undiscounted
    assert [amount(group["discount"]) for group in groups] == [3_333, 6_667]


def test_a_producers_voucher_discounts_only_its_lines(staff_api_client):
    # given B's voucher: 15,000 off B's products
    channel = make_channel()
    first, second = make_producer("HTX A"), make_producer("HTX B")
    variants = [
        make_variant(channel, producer=first, price=40_000),
        make_variant(channel, producer=second, price=50_000),
    ]
    make_shipping(first)
    make_shipping(second)
    Voucher.objects.create(code="HTXB", value=15_000, producer=second)
    checkout = ready_checkout(ANONYMOUS, channel, variants, quantity=2)
    services.checkout_promo_code_add(checkout=checkout, code="HTXB")
    order = checkout_complete(actor=ANONYMOUS, token=checkout.pk)

    # when
    lines = read(staff_api_client, order)["lines"]

    # then: the first producer's line is untouched, B's 100,000 becomes 85,000
    first, theirs = lines
    assert amount(first["totalPrice"]) == amount(first["undiscountedTotalPrice"]) == 80_000
    assert (first["unitDiscountType"], first["unitDiscountReason"]) == (None, None)
    assert amount(theirs["totalPrice"]) == 85_000
    assert amount(theirs["unitPrice"]) == 42_500
    assert theirs["unitDiscount"]["amount"] == 7_500
    assert theirs["unitDiscountReason"] == "Mã giảm giá: HTXB"


def test_without_a_voucher_prices_equal_undiscounted_ones(staff_api_client):
    # given
    order = place()

    # when
    data = read(staff_api_client, order)

    # then
    for line in data["lines"]:
        assert amount(line["totalPrice"]) == amount(line["undiscountedTotalPrice"])
        assert amount(line["unitPrice"]) == amount(line["undiscountedUnitPrice"])
        assert amount(line["totalPrice"]) == amount(line["unitPrice"]) * line["quantity"]
        assert line["unitDiscount"]["amount"] == 0
        assert line["unitDiscountValue"] == 0
        assert (line["unitDiscountType"], line["unitDiscountReason"]) == (None, None)
    assert sum(amount(line["totalPrice"]) for line in data["lines"]) == amount(data["subtotal"])
    assert data["discount"]["amount"] == 0


def test_the_discount_reason_follows_the_request_language(staff_api_client):
    # given
    order = place(Voucher.objects.create(code="TET", value=10_000))

    # when
    response = staff_api_client.post_graphql(
        ORDER, {"id": to_global_id("Order", order.pk)}, HTTP_ACCEPT_LANGUAGE="en"
    )

    # then
    lines = content(response)["data"]["order"]["lines"]
    assert {line["unitDiscountReason"] for line in lines} == {"Voucher code: TET"}


def test_fulfilled_groups_lines_show_their_prices(staff_api_client):
    # given
    order = place(Voucher.objects.create(code="TET", value=10_000))
    group = order.fulfillment_groups.order_by("fulfillment_order").last()

    # when
    result = content(
        staff_api_client.post_graphql(
            FULFILL,
            {
                "order": to_global_id("Order", order.pk),
                "fulfillment": to_global_id("Fulfillment", group.pk),
            },
        )
    )["data"]["orderFulfill"]

    # then
    assert result["errors"] == []
    (line,) = result["fulfillments"][0]["lines"]
    assert amount(line["totalPrice"]) == 593_333
    assert line["unitDiscountReason"] == "Mã giảm giá: TET"


def test_order_list_line_prices_cost_no_extra_queries(staff_api_client):
    # given
    voucher = Voucher.objects.create(code="TET", value=10_000)
    place(voucher)
    one, _ = counted_post(staff_api_client, ORDERS)
    place(voucher)
    place(voucher)

    # when
    three, data = counted_post(staff_api_client, ORDERS)

    # then
    assert three == one
    assert len(data["orders"]["edges"]) == 3
