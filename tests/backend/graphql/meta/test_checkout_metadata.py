"""updateMetadata / deleteMetadata / updatePrivateMetadata / deletePrivateMetadata on a
checkout (Saleor: anyone holding a checkout may change its public metadata; private needs
staff). A signed-in shopper's checkout is theirs alone: NOT_FOUND for everyone else."""

from __future__ import annotations

import json
import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from graphql_relay import to_global_id

from backend.checkout import services
from backend.checkout.models import Checkout
from backend.checkout.services import LineChange
from backend.core.metadata import MAX_ITEMS_PER_CHANGE, MAX_KEY_LENGTH, MAX_KEYS, MAX_VALUE_LENGTH
from backend.webhooks.models import Webhook, WebhookEvent
from tests.backend.checkout.factories import make_channel, make_variant
from tests.conftest import client_for, content, make_user

UPDATE = """
mutation Update($id: ID!, $input: [MetadataInput!]!) {
  updateMetadata(id: $id, input: $input) {
    item { metadata { key value } metafield(key: "color") metafields(keys: ["color"])
           ... on Checkout { id token } }
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
CHECKOUT_PRIVATE = """
query Checkout($id: ID) { checkout(id: $id) { privateMetadata { key value } } }
"""
ANONYMOUS = AnonymousUser()


def checkout_for(owner=None, metadata=None) -> Checkout:
    channel = make_channel()
    variant = make_variant(channel)
    return services.checkout_create(
        actor=owner or ANONYMOUS,
        channel_slug=channel.slug,
        lines=[LineChange(variant_id=variant.pk, quantity=1)],
        metadata=metadata,
    )


def gid(checkout: Checkout) -> str:
    return to_global_id("Checkout", checkout.pk)


def stored(checkout: Checkout) -> tuple[dict, dict]:
    checkout.refresh_from_db()
    return checkout.metadata, checkout.private_metadata


def post(client, query, variables):
    return json.loads(client.post_graphql(query, variables).content)


@pytest.mark.django_db
@pytest.mark.parametrize("by", ["global_id", "token"])
def test_anyone_with_a_guest_checkout_sets_its_public_metadata(api_client, by):
    # given
    checkout = checkout_for(metadata={"source": "zalo"})
    before = Checkout.objects.get(pk=checkout.pk).last_change
    webhook = Webhook.objects.create(
        name="crm", target_url="http://127.0.0.1:9/h", secret_key="s", events=["checkout_updated"]
    )
    checkout_id = gid(checkout) if by == "global_id" else str(checkout.pk)

    # when
    result = content(
        api_client.post_graphql(
            UPDATE, {"id": checkout_id, "input": [{"key": "color", "value": "đỏ"}]}
        )
    )["data"]["updateMetadata"]

    # then
    assert result["errors"] == []
    item = result["item"]
    assert item["id"] == gid(checkout)
    assert item["metadata"] == [
        {"key": "color", "value": "đỏ"},
        {"key": "source", "value": "zalo"},
    ]
    assert (item["metafield"], item["metafields"]) == ("đỏ", {"color": "đỏ"})
    assert stored(checkout) == ({"source": "zalo", "color": "đỏ"}, {})
    assert checkout.last_change > before
    event = WebhookEvent.objects.get(webhook=webhook)
    assert event.event_type == "checkout_updated"


@pytest.mark.django_db
def test_owner_sets_and_deletes_metadata_of_own_checkout(user, user_api_client):
    # given
    checkout = checkout_for(owner=user, metadata={"a": "1", "b": "2"})

    # when
    updated = content(
        user_api_client.post_graphql(
            UPDATE, {"id": gid(checkout), "input": [{"key": "c", "value": "3"}]}
        )
    )["data"]["updateMetadata"]
    deleted = content(
        user_api_client.post_graphql(DELETE, {"id": gid(checkout), "keys": ["a", "missing"]})
    )["data"]["deleteMetadata"]

    # then
    assert updated["errors"] == deleted["errors"] == []
    assert deleted["item"]["metadata"] == [{"key": "b", "value": "2"}, {"key": "c", "value": "3"}]
    assert stored(checkout) == ({"b": "2", "c": "3"}, {})


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "other_shopper", "staff"])
@pytest.mark.parametrize("mutation", ["update", "delete"])
def test_a_signed_in_shoppers_checkout_is_not_found_for_anyone_else(
    user, staff_user, who, mutation
):
    # given
    checkout = checkout_for(owner=user, metadata={"a": "1"})
    actor = {
        "anonymous": None,
        "other_shopper": make_user("other@example.com"),
        "staff": staff_user,
    }[who]
    query, variables = (
        (UPDATE, {"id": gid(checkout), "input": [{"key": "a", "value": "hijack"}]})
        if mutation == "update"
        else (DELETE, {"id": gid(checkout), "keys": ["a"]})
    )

    # when
    data = content(client_for(actor).post_graphql(query, variables))["data"]
    result = next(iter(data.values()))

    # then
    assert result["item"] is None
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("id", "NOT_FOUND")]
    assert stored(checkout) == ({"a": "1"}, {})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("items", "code"),
    [
        ([{"key": "", "value": "x"}], "REQUIRED"),
        ([{"key": "   ", "value": "x"}], "REQUIRED"),
        ([{"key": f"k{i}", "value": "x"} for i in range(MAX_ITEMS_PER_CHANGE + 1)], "INVALID"),
        ([{"key": "k" * (MAX_KEY_LENGTH + 1), "value": "x"}], "INVALID"),
        ([{"key": "k", "value": "v" * (MAX_VALUE_LENGTH + 1)}], "INVALID"),
    ],
)
def test_bad_metadata_is_refused_and_nothing_written(api_client, items, code):
    # given
    checkout = checkout_for(metadata={"a": "1"})

    # when
    result = content(api_client.post_graphql(UPDATE, {"id": gid(checkout), "input": items}))[
        "data"
    ]["updateMetadata"]

    # then
    assert result["item"] is None
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("input", code)]
    assert stored(checkout) == ({"a": "1"}, {})


@pytest.mark.django_db
def test_an_object_keeps_at_most_max_keys(api_client):
    # given
    checkout = checkout_for(metadata={f"k{i}": "x" for i in range(MAX_KEYS)})

    # when
    result = content(
        api_client.post_graphql(
            UPDATE, {"id": gid(checkout), "input": [{"key": "new", "value": "x"}]}
        )
    )["data"]["updateMetadata"]
    replaced = content(
        api_client.post_graphql(
            UPDATE, {"id": gid(checkout), "input": [{"key": "k0", "value": "y"}]}
        )
    )["data"]["updateMetadata"]

    # then
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("input", "INVALID")]
    assert replaced["errors"] == []
    assert len(stored(checkout)[0]) == MAX_KEYS


@pytest.mark.django_db
def test_deleting_too_many_keys_at_once_is_refused(api_client):
    # given
    checkout = checkout_for(metadata={"a": "1"})
    keys = [f"k{i}" for i in range(MAX_ITEMS_PER_CHANGE)] + ["a"]

    # when
    result = content(api_client.post_graphql(DELETE, {"id": gid(checkout), "keys": keys}))["data"][
        "deleteMetadata"
    ]

    # then
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("keys", "INVALID")]
    assert stored(checkout) == ({"a": "1"}, {})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("make_id", "code"),
    [
        (lambda checkout: "not-an-id", "GRAPHQL_ERROR"),
        (lambda checkout: to_global_id("Checkout", "not-a-token"), "NOT_FOUND"),
        (lambda checkout: str(uuid.uuid4()), "NOT_FOUND"),
        (lambda checkout: to_global_id("Checkout", uuid.uuid4()), "NOT_FOUND"),
        (lambda checkout: to_global_id("Product", 1), "NOT_FOUND"),
    ],
)
def test_ids_that_name_no_usable_checkout(api_client, make_id, code):
    # given
    checkout = checkout_for(metadata={"a": "1"})

    # when
    result = content(
        api_client.post_graphql(
            UPDATE, {"id": make_id(checkout), "input": [{"key": "a", "value": "2"}]}
        )
    )["data"]["updateMetadata"]

    # then
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("id", code)]
    assert stored(checkout) == ({"a": "1"}, {})


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "owner"])
@pytest.mark.parametrize("query", [UPDATE_PRIVATE, DELETE_PRIVATE])
def test_private_metadata_needs_staff(user, who, query):
    # given
    checkout = checkout_for(owner=user if who == "owner" else None)
    variables = {"id": gid(checkout), "input": [{"key": "crm", "value": "1"}], "keys": ["crm"]}
    client = client_for(user if who == "owner" else None)
    if query == UPDATE_PRIVATE:
        variables.pop("keys")
    else:
        variables.pop("input")

    # when
    response = post(client, query, variables)

    # then
    assert response["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert stored(checkout) == ({}, {})


@pytest.mark.django_db
def test_staff_set_and_delete_private_metadata_of_a_guest_checkout(staff_api_client, api_client):
    # given
    checkout = checkout_for()

    # when
    updated = content(
        staff_api_client.post_graphql(
            UPDATE_PRIVATE, {"id": gid(checkout), "input": [{"key": "crm", "value": "42"}]}
        )
    )["data"]["updatePrivateMetadata"]
    staff_view = content(staff_api_client.post_graphql(CHECKOUT_PRIVATE, {"id": gid(checkout)}))
    guest_view = post(api_client, CHECKOUT_PRIVATE, {"id": gid(checkout)})
    deleted = content(
        staff_api_client.post_graphql(DELETE_PRIVATE, {"id": str(checkout.pk), "keys": ["crm"]})
    )["data"]["deletePrivateMetadata"]

    # then
    assert updated["errors"] == []
    assert updated["item"]["privateMetadata"] == [{"key": "crm", "value": "42"}]
    assert updated["item"]["privateMetafield"] == "42"
    assert staff_view["data"]["checkout"]["privateMetadata"] == [{"key": "crm", "value": "42"}]
    assert guest_view["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert deleted["errors"] == []
    assert deleted["item"] == {"privateMetadata": [], "privateMetafields": {}}
    assert stored(checkout) == ({}, {})


@pytest.mark.django_db
def test_staff_cannot_touch_a_signed_in_shoppers_private_metadata(user, staff_api_client):
    # given
    checkout = checkout_for(owner=user)

    # when
    result = content(
        staff_api_client.post_graphql(
            UPDATE_PRIVATE, {"id": gid(checkout), "input": [{"key": "crm", "value": "1"}]}
        )
    )["data"]["updatePrivateMetadata"]

    # then
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("id", "NOT_FOUND")]
    assert stored(checkout) == ({}, {})


CREATE = """
mutation Create($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) { checkout { id } errors { field code } }
}
"""


@pytest.mark.django_db
def test_checkout_create_refuses_an_empty_metadata_key(api_client):
    # given
    variant = make_variant(make_channel())
    lines = [{"variantId": to_global_id("ProductVariant", variant.pk), "quantity": 1}]

    # when
    result = content(
        api_client.post_graphql(
            CREATE,
            {"input": {"channel": "vn", "lines": lines, "metadata": [{"key": "", "value": "x"}]}},
        )
    )["data"]["checkoutCreate"]

    # then
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("metadata", "REQUIRED")]
    assert Checkout.objects.count() == 0
