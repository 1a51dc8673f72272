"""updateMetadata / deleteMetadata / updatePrivateMetadata / deletePrivateMetadata on an
order and its lines: staff only (Saleor asks for MANAGE_ORDERS). The buyer and the
order's producer members read its public metadata and are refused writes; anyone who
cannot see the order (or, for a producer member, the line) gets NOT_FOUND. Private
metadata is read by staff only."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from graphql_relay import to_global_id

from backend.checkout.complete import checkout_complete
from backend.orders.models import Order, OrderLine
from producers.models import ProducerStatus
from tests.backend.checkout.factories import (
    make_channel,
    make_shipping,
    make_variant,
    ready_checkout,
)
from tests.backend.graphql.catalog.mutations.helpers import set_status
from tests.backend.graphql.producers.helpers import outcome
from tests.conftest import client_for, content, counted_post, make_user

UPDATE = """
mutation Update($id: ID!, $input: [MetadataInput!]!) {
  updateMetadata(id: $id, input: $input) {
    item { metadata { key value } metafield(key: "erp")
           ... on Order { id number } ... on OrderLine { id productName } }
    errors { field code message }
  }
}
"""
DELETE = """
mutation Delete($id: ID!, $keys: [String!]!) {
  deleteMetadata(id: $id, keys: $keys) {
    item { metadata { key value } }
    errors { field code message }
  }
}
"""
UPDATE_PRIVATE = """
mutation UpdatePrivate($id: ID!, $input: [MetadataInput!]!) {
  updatePrivateMetadata(id: $id, input: $input) {
    item { privateMetadata { key value } privateMetafield(key: "crm") }
    errors { field code message }
  }
}
"""
DELETE_PRIVATE = """
mutation DeletePrivate($id: ID!, $keys: [String!]!) {
  deletePrivateMetadata(id: $id, keys: $keys) {
    item { privateMetadata { key value } privateMetafields }
    errors { field code message }
  }
}
"""
ORDER_PUBLIC = """
query Order($id: ID) { order(id: $id) {
  metadata { key value } metafields lines { metadata { key value } metafield(key: "erp") } } }
"""
ORDER_PRIVATE = """
query Order($id: ID) { order(id: $id) { privateMetadata { key value } } }
"""
LINE_PRIVATE = """
query Order($id: ID) { order(id: $id) { lines { privateMetafields } } }
"""


def place_order(buyer: Any, producer_a: Any, producer_b: Any) -> Order:
    """``buyer``'s order with one line from each producer, A's first."""
    channel = make_channel()
    variants = []
    for producer in (producer_a, producer_b):
        set_status(producer, ProducerStatus.APPROVED)
        variants.append(make_variant(channel, producer=producer, stock=20))
        make_shipping(producer)
    checkout = ready_checkout(buyer, channel, variants, email=buyer.email)
    return checkout_complete(actor=buyer, token=checkout.pk)


def gid(obj: Order | OrderLine) -> str:
    return to_global_id(type(obj).__name__, obj.pk)


def stored(obj: Order | OrderLine) -> tuple[dict, dict]:
    obj.refresh_from_db()
    return obj.metadata, obj.private_metadata


def post(client: Any, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    return json.loads(client.post_graphql(query, variables).content)


def denied(response: dict[str, Any]) -> bool:
    return response["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


@pytest.fixture
def order(actors: Any, producer_a: Any, producer_b: Any) -> Order:
    placed = place_order(actors["shopper"], producer_a, producer_b)
    Order.objects.filter(pk=placed.pk).update(
        metadata={"erp": "SO-1"}, private_metadata={"crm": "7"}
    )
    OrderLine.objects.filter(order=placed).update(
        metadata={"erp": "L-1"}, private_metadata={"crm": "8"}
    )
    return placed


def line_of(order: Order, producer: Any) -> OrderLine:
    return order.lines.get(producer=producer)


@pytest.mark.django_db
@pytest.mark.parametrize("by", ["global_id", "token"])
def test_staff_set_and_delete_an_orders_public_metadata(staff_api_client, order, by):
    # given
    before = Order.objects.get(pk=order.pk).updated_at
    order_id = gid(order) if by == "global_id" else str(order.token)

    # when
    updated = content(
        staff_api_client.post_graphql(
            UPDATE, {"id": order_id, "input": [{"key": "source", "value": "hội chợ"}]}
        )
    )["data"]["updateMetadata"]
    deleted = content(
        staff_api_client.post_graphql(DELETE, {"id": order_id, "keys": ["erp", "missing"]})
    )["data"]["deleteMetadata"]

    # then
    assert updated["errors"] == deleted["errors"] == []
    assert updated["item"]["id"] == gid(order)
    assert updated["item"]["number"] == str(order.number)
    assert updated["item"]["metadata"] == [
        {"key": "erp", "value": "SO-1"},
        {"key": "source", "value": "hội chợ"},
    ]
    assert updated["item"]["metafield"] == "SO-1"
    assert deleted["item"]["metadata"] == [{"key": "source", "value": "hội chợ"}]
    assert stored(order) == ({"source": "hội chợ"}, {"crm": "7"})
    assert order.updated_at > before


@pytest.mark.django_db
def test_staff_set_and_delete_an_order_lines_metadata(staff_api_client, order, producer_a):
    # given
    line = line_of(order, producer_a)
    other = order.lines.exclude(pk=line.pk).get()
    before = Order.objects.get(pk=order.pk).updated_at

    # when
    updated = content(
        staff_api_client.post_graphql(
            UPDATE, {"id": gid(line), "input": [{"key": "erp", "value": "L-2"}]}
        )
    )["data"]["updateMetadata"]
    private = content(
        staff_api_client.post_graphql(
            UPDATE_PRIVATE, {"id": gid(line), "input": [{"key": "crm", "value": "9"}]}
        )
    )["data"]["updatePrivateMetadata"]
    deleted = content(
        staff_api_client.post_graphql(DELETE_PRIVATE, {"id": gid(line), "keys": ["crm"]})
    )["data"]["deletePrivateMetadata"]

    # then
    assert updated["errors"] == private["errors"] == deleted["errors"] == []
    assert updated["item"]["id"] == gid(line)
    assert updated["item"]["productName"] == line.product_name
    assert updated["item"]["metadata"] == [{"key": "erp", "value": "L-2"}]
    assert private["item"]["privateMetafield"] == "9"
    assert deleted["item"] == {"privateMetadata": [], "privateMetafields": {}}
    assert stored(line) == ({"erp": "L-2"}, {})
    assert stored(other) == ({"erp": "L-1"}, {"crm": "8"})
    assert Order.objects.get(pk=order.pk).updated_at > before


@pytest.mark.django_db
def test_staff_set_and_delete_an_orders_private_metadata(staff_api_client, order):
    # when
    updated = content(
        staff_api_client.post_graphql(
            UPDATE_PRIVATE, {"id": gid(order), "input": [{"key": "crm", "value": "42"}]}
        )
    )["data"]["updatePrivateMetadata"]
    deleted = content(
        staff_api_client.post_graphql(DELETE_PRIVATE, {"id": str(order.token), "keys": ["crm"]})
    )["data"]["deletePrivateMetadata"]

    # then
    assert updated["errors"] == deleted["errors"] == []
    assert updated["item"]["privateMetadata"] == [{"key": "crm", "value": "42"}]
    assert deleted["item"]["privateMetadata"] == []
    assert stored(order) == ({"erp": "SO-1"}, {})


# Who may write an order's (and its lines') public metadata. The buyer and its producers'
# members see the order and are refused; the rest cannot see it.
WRITE_EXPECTED = {
    "anonymous": "not_found",
    "shopper": "denied",  # the buyer
    "other_shopper": "not_found",
    "official": "not_found",
    "member_a": "denied",
    "member_b": "denied",
    "staff": "ok",
}


def _actor(actors: Any, name: str) -> Any:
    if name == "other_shopper":
        return make_user("other.buyer@example.com", groups=("shopper",))
    return actors[name]


@pytest.mark.django_db
@pytest.mark.parametrize("who", list(WRITE_EXPECTED))
@pytest.mark.parametrize("mutation", ["updateMetadata", "deleteMetadata"])
def test_order_public_metadata_write_matrix(actors, order, who, mutation):
    # given
    query, variables = (
        (UPDATE, {"id": gid(order), "input": [{"key": "erp", "value": "hijack"}]})
        if mutation == "updateMetadata"
        else (DELETE, {"id": gid(order), "keys": ["erp"]})
    )

    # when
    response = client_for(_actor(actors, who)).post_graphql(query, variables)

    # then
    assert outcome(response, mutation) == WRITE_EXPECTED[who]
    if WRITE_EXPECTED[who] != "ok":
        assert stored(order) == ({"erp": "SO-1"}, {"crm": "7"})


# A producer member sees only its own producer's lines: another producer's line in the
# same order is not found rather than refused.
LINE_WRITE_EXPECTED = {**WRITE_EXPECTED, "member_b": "not_found"}


@pytest.mark.django_db
@pytest.mark.parametrize("who", list(LINE_WRITE_EXPECTED))
def test_order_line_public_metadata_write_matrix(actors, order, producer_a, who):
    # given
    line = line_of(order, producer_a)

    # when
    response = client_for(_actor(actors, who)).post_graphql(
        UPDATE, {"id": gid(line), "input": [{"key": "erp", "value": "hijack"}]}
    )

    # then
    assert outcome(response, "updateMetadata") == LINE_WRITE_EXPECTED[who]
    if LINE_WRITE_EXPECTED[who] != "ok":
        assert stored(line) == ({"erp": "L-1"}, {"crm": "8"})


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "shopper", "member_a", "official"])
@pytest.mark.parametrize("query", [UPDATE_PRIVATE, DELETE_PRIVATE])
@pytest.mark.parametrize("target", ["order", "line"])
def test_private_metadata_writes_need_staff(actors, order, producer_a, who, query, target):
    # given
    obj = order if target == "order" else line_of(order, producer_a)
    variables: dict[str, Any] = {"id": gid(obj)}
    if query == UPDATE_PRIVATE:
        variables["input"] = [{"key": "crm", "value": "hijack"}]
    else:
        variables["keys"] = ["crm"]

    # when
    response = post(client_for(actors[who]), query, variables)

    # then
    assert denied(response)
    assert stored(obj)[1] == {"crm": "7" if target == "order" else "8"}


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["shopper", "member_a"])
def test_buyer_and_producer_read_public_metadata_but_not_private(actors, order, who):
    # given
    client = client_for(actors[who])

    # when
    public = content(client.post_graphql(ORDER_PUBLIC, {"id": gid(order)}))["data"]["order"]
    private = post(client, ORDER_PRIVATE, {"id": gid(order)})
    line_private = post(client, LINE_PRIVATE, {"id": gid(order)})

    # then
    assert public["metadata"] == [{"key": "erp", "value": "SO-1"}]
    assert public["metafields"] == {"erp": "SO-1"}
    assert all(line["metafield"] == "L-1" for line in public["lines"])
    assert denied(private)
    assert private["data"]["order"] is None
    assert denied(line_private)
    assert "8" not in json.dumps(line_private.get("data"))


@pytest.mark.django_db
def test_staff_read_private_metadata(staff_api_client, order):
    # when
    data = content(staff_api_client.post_graphql(ORDER_PRIVATE, {"id": gid(order)}))["data"]
    lines = content(staff_api_client.post_graphql(LINE_PRIVATE, {"id": gid(order)}))["data"]

    # then
    assert data["order"]["privateMetadata"] == [{"key": "crm", "value": "7"}]
    assert [line["privateMetafields"] for line in lines["order"]["lines"]] == [{"crm": "8"}] * 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("items", "code"),
    [
        ([{"key": "", "value": "x"}], "REQUIRED"),
        ([{"key": "ok", "value": "x"}, {"key": " ", "value": "x"}], "REQUIRED"),
        ([{"key": "ok", "value": "x"}, {"key": "k" * 257, "value": "x"}], "INVALID"),
        ([{"key": "ok", "value": "v" * 10_001}], "INVALID"),
        ([{"key": f"k{i}", "value": "x"} for i in range(101)], "INVALID"),
    ],
)
@pytest.mark.parametrize("target", ["order", "line"])
def test_bad_metadata_on_orders_is_refused_and_nothing_written(
    staff_api_client, order, producer_a, items, code, target
):
    # given
    obj = order if target == "order" else line_of(order, producer_a)
    before = stored(obj)

    # when
    public = content(staff_api_client.post_graphql(UPDATE, {"id": gid(obj), "input": items}))
    private = content(
        staff_api_client.post_graphql(UPDATE_PRIVATE, {"id": gid(obj), "input": items})
    )

    # then
    for result in (public["data"]["updateMetadata"], private["data"]["updatePrivateMetadata"]):
        assert result["item"] is None
        assert [(e["field"], e["code"]) for e in result["errors"]] == [("input", code)]
    assert stored(obj) == before


@pytest.mark.django_db
def test_an_order_keeps_at_most_max_keys(staff_api_client, order):
    # given
    Order.objects.filter(pk=order.pk).update(metadata={f"k{i}": "x" for i in range(100)})

    # when
    result = content(
        staff_api_client.post_graphql(
            UPDATE, {"id": gid(order), "input": [{"key": "new", "value": "x"}]}
        )
    )["data"]["updateMetadata"]

    # then
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("input", "INVALID")]
    assert "new" not in stored(order)[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make_id",
    [
        lambda order: to_global_id("Order", 10**9),
        lambda order: to_global_id("Order", "abc"),
        lambda order: to_global_id("OrderLine", 10**9),
        lambda order: to_global_id("OrderLine", "-1"),
        lambda order: to_global_id("OrderLine", "9" * 30),
        lambda order: to_global_id("Order", "9" * 30),
        lambda order: str(uuid.uuid4()),
    ],
)
def test_ids_that_name_no_order(staff_api_client, order, make_id):
    # when
    result = content(
        staff_api_client.post_graphql(
            UPDATE, {"id": make_id(order), "input": [{"key": "erp", "value": "x"}]}
        )
    )["data"]["updateMetadata"]

    # then
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("id", "NOT_FOUND")]
    assert stored(order) == ({"erp": "SO-1"}, {"crm": "7"})


ORDERS_WITH_METADATA = """
query { orders(first: 20) { edges { node {
  metadata { key value } privateMetadata { key value }
  lines { metadata { key value } privateMetafields } } } } }
"""


@pytest.mark.django_db
def test_order_list_metadata_costs_no_queries(staff_api_client, actors, producer_a, producer_b):
    # given
    place_order(actors["shopper"], producer_a, producer_b)
    one, _ = counted_post(staff_api_client, ORDERS_WITH_METADATA)
    place_order(actors["shopper"], producer_a, producer_b)
    place_order(actors["shopper"], producer_a, producer_b)

    # when
    three, data = counted_post(staff_api_client, ORDERS_WITH_METADATA)

    # then
    assert three == one
    assert len(data["orders"]["edges"]) == 3
