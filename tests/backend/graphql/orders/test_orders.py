from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from graphql_relay import to_global_id

from backend.checkout.complete import checkout_complete
from backend.inventory.models import Stock
from tests.backend.checkout.factories import (
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
    ready_checkout,
)
from tests.conftest import content

ORDERS = """
query Orders($first: Int, $search: String) {
  orders(first: $first, search: $search) {
    totalCount
    edges { node { number status user { email } total { gross { amount } }
      lines { productName quantity }
      fulfillments { producer { name } lines { quantity } }
      events { type } } }
  }
}
"""
ME_ORDERS = """
query { me { orders(first: 10) { totalCount edges { node { number } } } } }
"""
CANCEL = """
mutation Cancel($id: ID!) { orderCancel(id: $id) { order { status } errors { code } } }
"""
FULFILL = """
mutation Fulfill($order: ID!, $fulfillment: ID!) {
  orderFulfill(
    order: $order
    input: {lines: [], fulfillmentId: $fulfillment, trackingNumber: "VN1", carrier: "GHN"}
  ) {
    order { status } errors { code }
  }
}
"""


def place(actor, n_orders=1, producers=2):
    channel = make_channel()
    orders = []
    variants = []
    for i in range(producers):
        producer = make_producer(f"HTX {i}")
        variants.append(make_variant(channel, producer=producer, stock=50))
        make_shipping(producer)
    for _ in range(n_orders):
        checkout = ready_checkout(actor, channel, variants)
        orders.append(checkout_complete(actor=actor, token=checkout.pk))
    return orders, variants


@pytest.mark.parametrize("size", [2, 8])
def test_staff_orders_list_has_constant_query_count(
    staff_api_client, size, django_assert_max_num_queries
):
    # given
    place(AnonymousUser(), n_orders=size)

    # when
    with django_assert_max_num_queries(14):
        data = content(staff_api_client.post_graphql(ORDERS, {"first": 20}))["data"]["orders"]

    # then
    assert data["totalCount"] == size
    assert all(len(edge["node"]["fulfillments"]) == 2 for edge in data["edges"])


def test_shopper_sees_only_own_orders(user, user_api_client, db):
    # given
    place(AnonymousUser(), n_orders=2)
    own, _ = place(user, n_orders=1)

    # when
    listed = content(user_api_client.post_graphql(ORDERS, {"first": 20}))["data"]["orders"]
    mine = content(user_api_client.post_graphql(ME_ORDERS))["data"]["me"]["orders"]

    # then
    assert [e["node"]["number"] for e in listed["edges"]] == [str(own[0].number)]
    assert mine["totalCount"] == 1


def test_anonymous_sees_no_orders(api_client, db):
    # given
    place(AnonymousUser())

    # when
    data = content(api_client.post_graphql(ORDERS, {"first": 20}))["data"]["orders"]

    # then
    assert data["totalCount"] == 0


def test_cancel_by_staff_releases_stock_shopper_is_refused(staff_api_client, user_api_client, db):
    # given
    (order,), variants = place(AnonymousUser())
    order_id = to_global_id("Order", order.pk)

    # when
    refused = user_api_client.post_graphql(CANCEL, {"id": order_id}).json()
    cancelled = content(staff_api_client.post_graphql(CANCEL, {"id": order_id}))["data"][
        "orderCancel"
    ]

    # then
    assert refused["data"]["orderCancel"]["errors"][0]["code"] == "NOT_FOUND"
    assert cancelled == {"order": {"status": "CANCELED"}, "errors": []}
    assert [Stock.objects.get(product_variant=v).quantity_allocated for v in variants] == [0, 0]


def test_fulfil_one_group_then_the_other(staff_api_client, db):
    # given
    (order,), _ = place(AnonymousUser())
    first, second = order.fulfillment_groups.order_by("fulfillment_order")
    order_id = to_global_id("Order", order.pk)

    # when
    one = content(
        staff_api_client.post_graphql(
            FULFILL, {"order": order_id, "fulfillment": to_global_id("Fulfillment", first.pk)}
        )
    )["data"]["orderFulfill"]
    two = content(
        staff_api_client.post_graphql(
            FULFILL, {"order": order_id, "fulfillment": to_global_id("Fulfillment", second.pk)}
        )
    )["data"]["orderFulfill"]

    # then
    assert one == {"order": {"status": "PARTIALLY_FULFILLED"}, "errors": []}
    assert two == {"order": {"status": "FULFILLED"}, "errors": []}
