"""Every catalogue mutation over the six actors: only member A (its own product) and staff
succeed; member B is answered NOT_FOUND; the others are refused outright."""

from __future__ import annotations

from typing import Any

import pytest

from backend.catalog.models import Product, ProductVariant
from tests.backend.graphql.catalog.mutations.helpers import World, gid, product_type_id, world
from tests.backend.graphql.producers.helpers import outcome
from tests.conftest import client_for

EXPECTED = {
    "anonymous": "denied",
    "shopper": "denied",
    "official": "denied",
    "member_a": "ok",
    "member_b": "not_found",
    "staff": "ok",
}

CASES: dict[str, tuple[str, Any]] = {
    "productCreate": (
        """mutation($input: ProductCreateInput!) {
          productCreate(input: $input) { product { name } errors { field code } } }""",
        lambda w: {
            "input": {
                "productType": product_type_id(),
                "producer": gid("Producer", w.product_a.producer),
                "name": "Chè lam",
            }
        },
    ),
    "productUpdate": (
        """mutation($id: ID!) {
          productUpdate(id: $id, input: {name: "Nem chua Thanh Hóa"}) {
            product { name } errors { field code } } }""",
        lambda w: {"id": gid("Product", w.product_a)},
    ),
    "productDelete": (
        """mutation($id: ID!) { productDelete(id: $id) { product { name } errors { code } } }""",
        lambda w: {"id": gid("Product", w.product_a)},
    ),
    "productVariantCreate": (
        """mutation($input: ProductVariantCreateInput!) {
          productVariantCreate(input: $input) { productVariant { sku } errors { code } } }""",
        lambda w: {"input": {"product": gid("Product", w.product_a), "sku": "NEM-500G"}},
    ),
    "productVariantUpdate": (
        """mutation($id: ID!) {
          productVariantUpdate(id: $id, input: {name: "500 g"}) {
            productVariant { name } errors { code } } }""",
        lambda w: {"id": gid("ProductVariant", w.variant_a)},
    ),
    "productVariantDelete": (
        """mutation($id: ID!) {
          productVariantDelete(id: $id) { productVariant { sku } errors { code } } }""",
        lambda w: {"id": gid("ProductVariant", w.variant_a)},
    ),
    "productChannelListingUpdate": (
        """mutation($id: ID!, $input: ProductChannelListingUpdateInput!) {
          productChannelListingUpdate(id: $id, input: $input) {
            product { name } errors { field code } } }""",
        lambda w: {
            "id": gid("Product", w.product_a),
            "input": {
                "updateChannels": [{"channelId": gid("Channel", w.channel), "isPublished": False}]
            },
        },
    ),
    "productVariantChannelListingUpdate": (
        """mutation($id: ID!, $input: [ProductVariantChannelListingAddInput!]!) {
          productVariantChannelListingUpdate(id: $id, input: $input) {
            variant { sku } errors { field code } } }""",
        lambda w: {
            "id": gid("ProductVariant", w.variant_a),
            "input": [{"channelId": gid("Channel", w.channel), "price": 65000}],
        },
    ),
    "productVariantStocksUpdate": (
        """mutation($id: ID!, $stocks: [StockInput!]!) {
          productVariantStocksUpdate(variantId: $id, stocks: $stocks) {
            productVariant { sku } errors { field code index } } }""",
        lambda w: {
            "id": gid("ProductVariant", w.variant_a),
            "stocks": [{"warehouse": gid("Warehouse", w.warehouse_a), "quantity": 7}],
        },
    ),
}


@pytest.mark.parametrize("actor", list(EXPECTED))
@pytest.mark.parametrize("mutation", list(CASES))
def test_catalogue_mutation_matrix(
    actor: str, mutation: str, actors: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    w: World = world(producer_a, producer_b)
    query, variables = CASES[mutation]
    before = (Product.objects.count(), ProductVariant.objects.count())
    name_before = w.product_a.name

    # when
    response = client_for(actors[actor]).post_graphql(query, variables(w))

    # then
    result = outcome(response, mutation)
    expected = EXPECTED[actor]
    if mutation == "productCreate" and actor == "member_b":
        expected = "not_found"  # producer A, named explicitly, does not exist for member B
    assert result == expected
    if result != "ok":
        assert (Product.objects.count(), ProductVariant.objects.count()) == before
        w.product_a.refresh_from_db()
        assert w.product_a.name == name_before
        assert w.variant_a.stocks.get().quantity == 10
