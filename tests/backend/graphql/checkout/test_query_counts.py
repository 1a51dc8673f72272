"""SQL queries per step of the benchmark's checkout flow, for a three-producer cart."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql_relay import to_global_id

from bench.checkout import ADDRESS_UPDATE, COMPLETE, CREATE, DELIVERY, LINES
from tests.backend.checkout.factories import (
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
)
from tests.backend.graphql.checkout.test_checkout_flow import address
from tests.conftest import content


@pytest.fixture
def three_producers(db):
    channel = make_channel()
    variants, methods = [], []
    for name in ("HTX Một", "HTX Hai", "HTX Ba"):
        producer = make_producer(name)
        variants.append(make_variant(channel, producer=producer, stock=50))
        methods.append(make_shipping(producer))
    return variants, methods


def run_flow(client, variants, methods):
    counts = {}

    def step(name, query, variables):
        with CaptureQueriesContext(connection) as queries:
            data = content(client.post_graphql(query, variables))["data"]
        (result,) = data.values()
        assert result["errors"] == [], (name, result)
        counts[name] = len(queries)
        return result

    created = step("create", CREATE, {"input": {"channel": "vn", "lines": [], "email": "a@b.vn"}})
    checkout_id = created["checkout"]["id"]
    lines = [{"variantId": to_global_id("ProductVariant", v.pk), "quantity": 1} for v in variants]
    step("lines", LINES, {"id": checkout_id, "lines": lines})
    step("address", ADDRESS_UPDATE, {"id": checkout_id, "a": address()})
    method = to_global_id("ShippingMethod", methods[0].pk)
    step("delivery", DELIVERY, {"id": checkout_id, "m": method})
    step("complete", COMPLETE, {"id": checkout_id, "p": json.dumps({"gateway": "cod"})})
    return counts


def test_checkout_flow_query_counts_for_a_three_producer_cart(api_client, three_producers):
    # when
    counts = run_flow(api_client, *three_producers)

    # then: measured after removing the waste (was lines 21, delivery 40, complete 30;
    # savepoints included). Pricing runs once per mutation, deliveries are one upsert and
    # the cart's stock is reserved in one UPDATE, whatever the number of producers; a
    # variant's facts, the delivery methods and the checkout each come in one query.
    assert counts["create"] <= 4
    assert counts["lines"] <= 10
    assert counts["address"] <= 10
    assert counts["delivery"] <= 10
    assert counts["complete"] <= 20
