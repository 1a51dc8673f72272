"""Metadata on checkout lines follows its checkout: whoever may use the checkout reads and
writes the lines' public metadata, private metadata needs staff, and a signed-in
shopper's lines are NOT_FOUND for everyone else. Completion copies it to the order."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from graphql_relay import to_global_id

from backend.checkout import services
from backend.checkout.complete import checkout_complete
from backend.checkout.models import Checkout, CheckoutLine
from backend.checkout.services import LineChange
from backend.webhooks.models import Webhook, WebhookEvent
from tests.backend.checkout.factories import (
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
    ready_checkout,
)
from tests.conftest import client_for, content, make_user

UPDATE = """
mutation Update($id: ID!, $input: [MetadataInput!]!) {
  updateMetadata(id: $id, input: $input) {
    item { metadata { key value } metafield(key: "gift")
           ... on CheckoutLine { id quantity variant { id } totalPrice { gross { amount } } } }
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
    item { privateMetadata { key value } }
    errors { field code message }
  }
}
"""
LINES = """
query Checkout($id: ID) { checkout(id: $id) {
  lines { id metadata { key value } metafields(keys: ["gift"]) } } }
"""
LINES_PRIVATE = """
query Checkout($id: ID) { checkout(id: $id) { lines { privateMetadata { key value } } } }
"""
ANONYMOUS = AnonymousUser()


def line_for(owner: Any = None, price: int = 50_000) -> CheckoutLine:
    """The single line of a new checkout of ``owner`` (a guest's when None)."""
    channel = make_channel()
    variant = make_variant(channel, price=price)
    checkout = services.checkout_create(
        actor=owner or ANONYMOUS,
        channel_slug=channel.slug,
        lines=[LineChange(variant_id=variant.pk, quantity=2)],
    )
    line = checkout.lines.get()
    CheckoutLine.objects.filter(pk=line.pk).update(metadata={"gift": "có"})
    return line


def gid(line: CheckoutLine) -> str:
    return to_global_id("CheckoutLine", line.pk)


def stored(line: CheckoutLine) -> tuple[dict, dict]:
    line.refresh_from_db()
    return line.metadata, line.private_metadata


def post(client: Any, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    return json.loads(client.post_graphql(query, variables).content)


def denied(response: dict[str, Any]) -> bool:
    return response["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


@pytest.mark.django_db
def test_a_guest_sets_and_deletes_public_metadata_of_a_line(api_client):
    # given
    line = line_for()
    before = Checkout.objects.get(pk=line.checkout_id).last_change
    webhook = Webhook.objects.create(
        name="crm", target_url="http://127.0.0.1:9/h", secret_key="s", events=["checkout_updated"]
    )

    # when
    updated = content(
        api_client.post_graphql(
            UPDATE, {"id": gid(line), "input": [{"key": "note", "value": "gói quà"}]}
        )
    )["data"]["updateMetadata"]
    deleted = content(
        api_client.post_graphql(DELETE, {"id": gid(line), "keys": ["gift", "missing"]})
    )["data"]["deleteMetadata"]

    # then
    assert updated["errors"] == deleted["errors"] == []
    item = updated["item"]
    assert item["id"] == gid(line)
    assert item["quantity"] == 2
    assert item["variant"]["id"] == to_global_id("ProductVariant", line.variant_id)
    assert item["totalPrice"]["gross"]["amount"] == 100_000
    assert item["metadata"] == [{"key": "gift", "value": "có"}, {"key": "note", "value": "gói quà"}]
    assert item["metafield"] == "có"
    assert deleted["item"]["metadata"] == [{"key": "note", "value": "gói quà"}]
    assert stored(line) == ({"note": "gói quà"}, {})
    assert Checkout.objects.get(pk=line.checkout_id).last_change > before
    assert WebhookEvent.objects.filter(webhook=webhook, event_type="checkout_updated").count() == 2


@pytest.mark.django_db
def test_the_owner_sets_metadata_of_own_line_and_reads_it_back(user, user_api_client):
    # given
    line = line_for(owner=user)

    # when
    updated = content(
        user_api_client.post_graphql(
            UPDATE, {"id": gid(line), "input": [{"key": "gift", "value": "không"}]}
        )
    )["data"]["updateMetadata"]
    read = content(
        user_api_client.post_graphql(LINES, {"id": to_global_id("Checkout", line.checkout_id)})
    )["data"]["checkout"]

    # then
    assert updated["errors"] == []
    assert read["lines"] == [
        {
            "id": gid(line),
            "metadata": [{"key": "gift", "value": "không"}],
            "metafields": {"gift": "không"},
        }
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "other_shopper", "staff"])
@pytest.mark.parametrize("mutation", ["updateMetadata", "deleteMetadata"])
def test_a_signed_in_shoppers_line_is_not_found_for_anyone_else(user, staff_user, who, mutation):
    # given
    line = line_for(owner=user)
    actor = {
        "anonymous": None,
        "other_shopper": make_user("other@example.com"),
        "staff": staff_user,
    }[who]
    query, variables = (
        (UPDATE, {"id": gid(line), "input": [{"key": "gift", "value": "hijack"}]})
        if mutation == "updateMetadata"
        else (DELETE, {"id": gid(line), "keys": ["gift"]})
    )

    # when
    result = content(client_for(actor).post_graphql(query, variables))["data"][mutation]

    # then
    assert result["item"] is None
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("id", "NOT_FOUND")]
    assert stored(line) == ({"gift": "có"}, {})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("items", "code"),
    [
        ([{"key": "", "value": "x"}], "REQUIRED"),
        ([{"key": "ok", "value": "x"}, {"key": "  ", "value": "x"}], "REQUIRED"),
        ([{"key": "ok", "value": "x"}, {"key": "k" * 257, "value": "x"}], "INVALID"),
        ([{"key": "ok", "value": "v" * 10_001}], "INVALID"),
        ([{"key": f"k{i}", "value": "x"} for i in range(101)], "INVALID"),
    ],
)
def test_bad_line_metadata_is_refused_and_nothing_written(api_client, items, code):
    # given
    line = line_for()
    before = Checkout.objects.get(pk=line.checkout_id).last_change

    # when
    result = content(api_client.post_graphql(UPDATE, {"id": gid(line), "input": items}))["data"][
        "updateMetadata"
    ]

    # then
    assert result["item"] is None
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("input", code)]
    assert stored(line) == ({"gift": "có"}, {})
    assert Checkout.objects.get(pk=line.checkout_id).last_change == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make_id",
    [
        lambda line: to_global_id("CheckoutLine", 10**9),
        lambda line: to_global_id("CheckoutLine", "abc"),
        lambda line: to_global_id("CheckoutLine", "9" * 30),
        lambda line: to_global_id("CheckoutLine", str(line.checkout_id)),
    ],
)
def test_ids_that_name_no_line(api_client, make_id):
    # given
    line = line_for()

    # when
    result = content(
        api_client.post_graphql(
            UPDATE, {"id": make_id(line), "input": [{"key": "a", "value": "b"}]}
        )
    )["data"]["updateMetadata"]

    # then
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("id", "NOT_FOUND")]
    assert stored(line) == ({"gift": "có"}, {})


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "owner"])
@pytest.mark.parametrize("query", [UPDATE_PRIVATE, DELETE_PRIVATE])
def test_line_private_metadata_writes_need_staff(user, who, query):
    # given
    line = line_for(owner=user if who == "owner" else None)
    CheckoutLine.objects.filter(pk=line.pk).update(private_metadata={"crm": "1"})
    variables: dict[str, Any] = {"id": gid(line)}
    if query == UPDATE_PRIVATE:
        variables["input"] = [{"key": "crm", "value": "hijack"}]
    else:
        variables["keys"] = ["crm"]

    # when
    response = post(client_for(user if who == "owner" else None), query, variables)

    # then
    assert denied(response)
    assert stored(line) == ({"gift": "có"}, {"crm": "1"})


@pytest.mark.django_db
def test_staff_write_and_read_private_metadata_of_a_guest_line(staff_api_client, api_client):
    # given
    line = line_for()
    checkout_id = to_global_id("Checkout", line.checkout_id)

    # when
    updated = content(
        staff_api_client.post_graphql(
            UPDATE_PRIVATE, {"id": gid(line), "input": [{"key": "crm", "value": "42"}]}
        )
    )["data"]["updatePrivateMetadata"]
    staff_view = content(staff_api_client.post_graphql(LINES_PRIVATE, {"id": checkout_id}))
    guest_view = post(api_client, LINES_PRIVATE, {"id": checkout_id})
    deleted = content(
        staff_api_client.post_graphql(DELETE_PRIVATE, {"id": gid(line), "keys": ["crm"]})
    )["data"]["deletePrivateMetadata"]

    # then
    assert updated["errors"] == []
    assert updated["item"]["privateMetafield"] == "42"
    assert staff_view["data"]["checkout"]["lines"] == [
        {"privateMetadata": [{"key": "crm", "value": "42"}]}
    ]
    assert denied(guest_view)
    assert "42" not in json.dumps(guest_view.get("data"))
    assert deleted["errors"] == []
    assert deleted["item"]["privateMetadata"] == []
    assert stored(line) == ({"gift": "có"}, {})


@pytest.mark.django_db
def test_staff_cannot_touch_a_signed_in_shoppers_line(user, staff_api_client):
    # given
    line = line_for(owner=user)

    # when
    result = content(
        staff_api_client.post_graphql(
            UPDATE_PRIVATE, {"id": gid(line), "input": [{"key": "crm", "value": "1"}]}
        )
    )["data"]["updatePrivateMetadata"]

    # then
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("id", "NOT_FOUND")]
    assert stored(line) == ({"gift": "có"}, {})


@pytest.mark.django_db
def test_completion_copies_line_metadata_to_the_order_lines():
    # given
    channel = make_channel()
    producer = make_producer()
    variant = make_variant(channel, producer=producer)
    make_shipping(producer)
    checkout = ready_checkout(ANONYMOUS, channel, [variant])
    checkout.lines.update(metadata={"gift": "có"}, private_metadata={"crm": "9"})

    # when
    order = checkout_complete(actor=ANONYMOUS, token=checkout.pk)

    # then
    line = order.lines.get()
    assert (line.metadata, line.private_metadata) == ({"gift": "có"}, {"crm": "9"})
