"""Producer members see and act on only their own fulfilment groups (authorization matrix:
another producer's group answers as not found)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from graphql_relay import to_global_id

from backend.checkout.complete import checkout_complete
from backend.orders.models import FulfillmentGroup, FulfillmentStatus, Order
from producers.models import ProducerStatus
from tests.backend.checkout.factories import (
    make_channel,
    make_shipping,
    make_variant,
    ready_checkout,
)
from tests.backend.graphql.catalog.mutations.helpers import set_status
from tests.backend.graphql.producers.helpers import outcome
from tests.backend.payments import factories as payment_factories
from tests.conftest import client_for

ORDERS = """query { orders(first: 10) { totalCount edges { node {
  lines { productName } fulfillments { producer { name } } } } } }"""
FULFILL = """mutation($order: ID!, $fulfillment: ID!) {
  orderFulfill(order: $order, input: {lines: [], fulfillmentId: $fulfillment,
    trackingNumber: "VN123", carrier: "VNPost"}) { order { status } errors { field code } } }"""
COLLECT = """mutation($id: ID!) {
  orderFulfillmentGroupCashCollect(id: $id) { chargeStatus errors { field code } } }"""


def guest_order(producer_a: Any, producer_b: Any) -> Order:
    """A guest's order with one group from each producer."""
    channel = make_channel()
    variants = []
    for producer in (producer_a, producer_b):
        set_status(producer, ProducerStatus.APPROVED)
        variants.append(make_variant(channel, producer=producer, stock=20))
        make_shipping(producer)
    checkout = ready_checkout(AnonymousUser(), channel, variants)
    return checkout_complete(actor=AnonymousUser(), token=checkout.pk)


READ_EXPECTED = {
    "anonymous": (0, []),
    "shopper": (0, []),
    "official": (0, []),
    "member_a": (1, ["A"]),
    "member_b": (1, ["B"]),
    "staff": (1, ["A", "B"]),
}


@pytest.mark.parametrize("actor", list(READ_EXPECTED))
def test_order_list_shows_only_the_members_own_groups_and_lines(
    actor: str, actors: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    guest_order(producer_a, producer_b)
    names = {producer_a.name: "A", producer_b.name: "B"}

    # when
    data = json.loads(client_for(actors[actor]).post_graphql(ORDERS).content)

    # then
    count, groups = READ_EXPECTED[actor]
    orders = (data.get("data") or {}).get("orders") or {"totalCount": 0, "edges": []}
    assert orders["totalCount"] == count
    for edge in orders["edges"]:
        seen = sorted(names[f["producer"]["name"]] for f in edge["node"]["fulfillments"])
        assert seen == groups
        assert len(edge["node"]["lines"]) == len(groups)


FULFIL_EXPECTED = {
    "anonymous": "not_found",
    "shopper": "not_found",
    "official": "not_found",
    "member_a": "ok",
    "member_b": "not_found",
    "staff": "ok",
}


@pytest.mark.parametrize("actor", list(FULFIL_EXPECTED))
def test_order_fulfill_matrix(actor: str, actors: Any, producer_a: Any, producer_b: Any) -> None:
    # given
    order = guest_order(producer_a, producer_b)
    group_a = order.fulfillment_groups.get(producer=producer_a)

    # when
    response = client_for(actors[actor]).post_graphql(
        FULFILL,
        {
            "order": to_global_id("Order", order.pk),
            "fulfillment": to_global_id("Fulfillment", group_a.pk),
        },
    )

    # then
    assert outcome(response, "orderFulfill") == FULFIL_EXPECTED[actor]
    group_a.refresh_from_db()
    if FULFIL_EXPECTED[actor] == "ok":
        assert group_a.status == FulfillmentStatus.FULFILLED
        assert (group_a.tracking_number, group_a.carrier) == ("VN123", "VNPost")
    else:
        assert group_a.status == FulfillmentStatus.UNFULFILLED
    assert order.fulfillment_groups.get(producer=producer_b).status == FulfillmentStatus.UNFULFILLED


COLLECT_EXPECTED = {
    "anonymous": "denied",
    "shopper": "denied",
    "official": "denied",
    "member_a": "ok",
    "member_b": "not_found",
    "staff": "ok",
}


@pytest.mark.parametrize("actor", list(COLLECT_EXPECTED))
def test_cash_collect_matrix(actor: str, actors: Any, producer_a: Any, producer_b: Any) -> None:
    # given
    order = payment_factories.order(
        groups=[(producer_a, 150_000, 30_000), (producer_b, 100_000, 20_000)]
    )
    group_a = payment_factories.deliver(order.fulfillment_groups.get(producer=producer_a))

    # when
    response = client_for(actors[actor]).post_graphql(
        COLLECT, {"id": to_global_id("FulfillmentGroup", group_a.pk)}
    )

    # then
    assert outcome(response, "orderFulfillmentGroupCashCollect") == COLLECT_EXPECTED[actor]
    collected = FulfillmentGroup.objects.get(pk=group_a.pk).cod_collected
    assert collected is (COLLECT_EXPECTED[actor] == "ok")
