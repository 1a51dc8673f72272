"""checkoutComplete: metadata passed to it ends on the order (with the checkout's own)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from graphql_relay import to_global_id

from backend.checkout.models import Checkout
from backend.inventory.models import Stock
from backend.orders.models import Order
from tests.backend.checkout.factories import (
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
    ready_checkout,
)
from tests.conftest import content

COMPLETE = """
mutation Complete($id: ID!, $metadata: [MetadataInput!]) {
  checkoutComplete(id: $id, metadata: $metadata) {
    order { metadata { key value } }
    errors { field code }
  }
}
"""
ANONYMOUS = AnonymousUser()


@pytest.fixture
def guest_checkout(db):
    channel = make_channel()
    producer = make_producer()
    variant = make_variant(channel, producer=producer)
    make_shipping(producer)
    checkout = ready_checkout(ANONYMOUS, channel, [variant])
    Checkout.objects.filter(pk=checkout.pk).update(metadata={"source": "zalo", "ref": "old"})
    return checkout


def test_complete_metadata_ends_on_the_order(api_client, guest_checkout):
    # given
    variables = {
        "id": to_global_id("Checkout", guest_checkout.pk),
        "metadata": [{"key": "ref", "value": "new"}, {"key": "gift", "value": "có"}],
    }

    # when
    result = content(api_client.post_graphql(COMPLETE, variables))["data"]["checkoutComplete"]

    # then
    assert result["errors"] == []
    assert result["order"]["metadata"] == [
        {"key": "gift", "value": "có"},
        {"key": "ref", "value": "new"},
        {"key": "source", "value": "zalo"},
    ]
    assert Order.objects.get().metadata == {"source": "zalo", "ref": "new", "gift": "có"}


def test_complete_with_an_empty_metadata_key_is_refused_and_writes_nothing(
    api_client, guest_checkout
):
    # given
    variables = {
        "id": to_global_id("Checkout", guest_checkout.pk),
        "metadata": [{"key": " ", "value": "x"}],
    }

    # when
    result = content(api_client.post_graphql(COMPLETE, variables))["data"]["checkoutComplete"]

    # then
    assert result["order"] is None
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("metadata", "REQUIRED")]
    assert Order.objects.count() == 0
    assert Checkout.objects.filter(pk=guest_checkout.pk).exists()
    assert Stock.objects.get().quantity_allocated == 0
