"""Catalogue writes by a producer member: what they change, and bad input refused whole."""

from __future__ import annotations

import json
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from backend.catalog.models import (
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductVariant,
    ProductVariantChannelListing,
)
from backend.inventory.models import Stock
from producers.models import ProducerStatus
from tests.backend.catalog.factories import png_bytes
from tests.backend.graphql.catalog.mutations.helpers import gid, product_type_id, set_status, world
from tests.backend.graphql.producers.helpers import post_multipart
from tests.conftest import client_for, content

PUBLISH = """mutation($id: ID!, $channel: ID!, $published: Boolean!) {
  productChannelListingUpdate(id: $id, input: {updateChannels: [
    {channelId: $channel, isPublished: $published, visibleInListings: true}]}) {
    product { name } errors { field code message } } }"""
PRICE = """mutation($id: ID!, $input: [ProductVariantChannelListingAddInput!]!) {
  productVariantChannelListingUpdate(id: $id, input: $input) {
    variant { sku } errors { field code message } } }"""
STOCKS = """mutation($id: ID!, $stocks: [StockInput!]!) {
  productVariantStocksUpdate(variantId: $id, stocks: $stocks) {
    productVariant { sku } errors { field code index message } } }"""


def test_member_creates_a_product_for_its_only_producer_with_a_variant_and_stock(
    member_a: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    w = world(producer_a, producer_b)
    client = client_for(member_a)

    # when
    created = content(
        client.post_graphql(
            """mutation($input: ProductCreateInput!) {
              productCreate(input: $input) { product { id name slug } errors { code } } }""",
            {
                "input": {
                    "productType": product_type_id(),
                    "name": "Chè lam Phủ Quảng",
                    "seo": {"title": "Chè lam"},
                    "description": json.dumps(
                        {"blocks": [{"type": "paragraph", "data": {"text": "Ngọt <b>bùi</b>"}}]}
                    ),
                }
            },
        )
    )["data"]["productCreate"]
    variant = content(
        client.post_graphql(
            """mutation($input: ProductVariantCreateInput!) {
              productVariantCreate(input: $input) { productVariant { sku } errors { code } } }""",
            {
                "input": {
                    "product": created["product"]["id"],
                    "sku": "CHE-LAM-1",
                    "stocks": [{"warehouse": gid("Warehouse", w.warehouse_a), "quantity": 5}],
                }
            },
        )
    )["data"]["productVariantCreate"]

    # then
    assert created["errors"] == [] and variant["errors"] == []
    product = Product.objects.get(name="Chè lam Phủ Quảng")
    assert product.producer_id == producer_a.pk
    assert product.slug == "che-lam-phu-quang"
    assert product.description_plaintext == "Ngọt bùi"
    assert product.seo_title == "Chè lam"
    assert product.default_variant is not None and product.default_variant.sku == "CHE-LAM-1"
    assert Stock.objects.get(product_variant__sku="CHE-LAM-1").quantity == 5


def test_publishing_needs_an_approved_producer(
    member_a: Any, staff_user: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    w = world(producer_a, producer_b)
    ProductChannelListing.objects.filter(product=w.product_a).update(is_published=False)
    variables = {
        "id": gid("Product", w.product_a),
        "channel": gid("Channel", w.channel),
        "published": True,
    }

    for status in (ProducerStatus.DRAFT, ProducerStatus.PENDING, ProducerStatus.REJECTED):
        set_status(producer_a, status)
        # when
        result = content(client_for(member_a).post_graphql(PUBLISH, variables))
        # then
        errors = result["data"]["productChannelListingUpdate"]["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [("isPublished", "INVALID")]
        assert "đã được duyệt" in errors[0]["message"]

    # staff cannot publish for a suspended producer either; its members cannot edit at all
    set_status(producer_a, ProducerStatus.SUSPENDED)
    staff_errors = content(client_for(staff_user).post_graphql(PUBLISH, variables))["data"][
        "productChannelListingUpdate"
    ]["errors"]
    member_errors = content(client_for(member_a).post_graphql(PUBLISH, variables))["data"][
        "productChannelListingUpdate"
    ]["errors"]
    assert [e["code"] for e in staff_errors] == ["INVALID"]
    assert [(e["field"], e["code"]) for e in member_errors] == [("producer", "INVALID")]
    assert "tạm ngưng" in member_errors[0]["message"]
    assert not ProductChannelListing.objects.get(product=w.product_a).is_published


def test_approved_producer_publishes_and_unpublishes(
    member_a: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    w = world(producer_a, producer_b)
    ProductChannelListing.objects.filter(product=w.product_a).update(
        is_published=False, published_at=None
    )
    variables = {"id": gid("Product", w.product_a), "channel": gid("Channel", w.channel)}
    client = client_for(member_a)

    # when
    published = content(client.post_graphql(PUBLISH, {**variables, "published": True}))
    listing = ProductChannelListing.objects.get(product=w.product_a)
    unpublished = content(client.post_graphql(PUBLISH, {**variables, "published": False}))

    # then
    assert published["data"]["productChannelListingUpdate"]["errors"] == []
    assert listing.is_published and listing.published_at is not None
    assert unpublished["data"]["productChannelListingUpdate"]["errors"] == []
    assert not ProductChannelListing.objects.get(product=w.product_a).is_published


def test_prices_must_be_whole_dong_above_zero_and_in_a_listed_channel(
    member_a: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    w = world(producer_a, producer_b)
    from tests.backend.catalog.factories import make_channel

    other = make_channel("khac")
    client = client_for(member_a)
    cases = [
        ({"channelId": gid("Channel", w.channel), "price": 0}, "INVALID_PRICE"),
        ({"channelId": gid("Channel", w.channel), "price": "1500.5"}, "INVALID_PRICE"),
        (
            {"channelId": gid("Channel", w.channel), "price": 1000, "costPrice": "0.5"},
            "INVALID_PRICE",
        ),
        ({"channelId": gid("Channel", other), "price": 1000}, "PRODUCT_NOT_ASSIGNED_TO_CHANNEL"),
    ]

    for item, code in cases:
        # when
        result = content(
            client.post_graphql(PRICE, {"id": gid("ProductVariant", w.variant_a), "input": [item]})
        )
        # then
        errors = result["data"]["productVariantChannelListingUpdate"]["errors"]
        assert [e["code"] for e in errors] == [code]
    assert list(
        ProductVariantChannelListing.objects.filter(variant=w.variant_a).values_list(
            "price_amount", flat=True
        )
    ) == [50_000]


def test_price_change_updates_the_cheapest_price_used_for_sorting(
    member_a: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    w = world(producer_a, producer_b)

    # when
    result = content(
        client_for(member_a).post_graphql(
            PRICE,
            {
                "id": gid("ProductVariant", w.variant_a),
                "input": [{"channelId": gid("Channel", w.channel), "price": 42000}],
            },
        )
    )

    # then
    assert result["data"]["productVariantChannelListingUpdate"]["errors"] == []
    listing = ProductChannelListing.objects.get(product=w.product_a)
    assert listing.discounted_price_amount == 42000


def test_stock_in_another_producers_warehouse_is_not_found_and_nothing_is_written(
    member_a: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    w = world(producer_a, producer_b)
    stocks = [
        {"warehouse": gid("Warehouse", w.warehouse_a), "quantity": 3},
        {"warehouse": gid("Warehouse", w.warehouse_b), "quantity": 99},
    ]

    # when
    result = content(
        client_for(member_a).post_graphql(
            STOCKS, {"id": gid("ProductVariant", w.variant_a), "stocks": stocks}
        )
    )
    negative = content(
        client_for(member_a).post_graphql(
            STOCKS,
            {
                "id": gid("ProductVariant", w.variant_a),
                "stocks": [{"warehouse": gid("Warehouse", w.warehouse_a), "quantity": -1}],
            },
        )
    )

    # then
    errors = result["data"]["productVariantStocksUpdate"]["errors"]
    assert [(e["field"], e["code"], e["index"]) for e in errors] == [("warehouse", "NOT_FOUND", 1)]
    assert [e["code"] for e in negative["data"]["productVariantStocksUpdate"]["errors"]] == [
        "INVALID"
    ]
    assert w.variant_a.stocks.get().quantity == 10
    assert not Stock.objects.filter(warehouse=w.warehouse_b, product_variant=w.variant_a).exists()


def test_duplicate_sku_and_bad_gtin_are_refused(
    member_a: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    w = world(producer_a, producer_b)
    query = """mutation($input: ProductVariantCreateInput!) {
      productVariantCreate(input: $input) { productVariant { sku } errors { field code } } }"""
    client = client_for(member_a)
    before = ProductVariant.objects.count()

    # when
    duplicate = content(
        client.post_graphql(
            query,
            {"input": {"product": gid("Product", w.product_a), "sku": w.variant_a.sku}},
        )
    )
    bad_gtin = content(
        client.post_graphql(
            query,
            {"input": {"product": gid("Product", w.product_a), "sku": "X-1", "gtin": "123"}},
        )
    )

    # then
    assert duplicate["data"]["productVariantCreate"]["errors"] == [
        {"field": "sku", "code": "UNIQUE"}
    ]
    assert bad_gtin["data"]["productVariantCreate"]["errors"] == [
        {"field": "gtin", "code": "INVALID"}
    ]
    assert ProductVariant.objects.count() == before


def test_media_upload_checks_content_and_scope(
    member_a: Any, member_b: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    w = world(producer_a, producer_b)
    query = """mutation($input: ProductMediaCreateInput!) {
      productMediaCreate(input: $input) { media { alt } errors { field code } } }"""

    def send(user: Any, data: bytes) -> dict[str, Any]:
        variables = {"input": {"product": gid("Product", w.product_a), "alt": "Nem", "image": None}}
        upload = SimpleUploadedFile("nem.png", data, content_type="image/png")
        response = post_multipart(
            client_for(user), query, variables, {"variables.input.image": upload}
        )
        return content(response)["data"]["productMediaCreate"]  # type: ignore[no-any-return]

    # when
    good = send(member_a, png_bytes())
    junk = send(member_a, b"not an image at all")
    foreign = send(member_b, png_bytes())

    # then
    assert good == {"media": {"alt": "Nem"}, "errors": []}
    assert junk["errors"][0]["field"] == "image"
    assert foreign["errors"] == [{"field": "product", "code": "NOT_FOUND"}]
    assert ProductMedia.objects.filter(product=w.product_a).count() == 1


def test_a_product_with_a_traceability_batch_cannot_be_deleted(
    member_a: Any, staff_user: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    import datetime as dt

    from qr import services as qr_services

    w = world(producer_a, producer_b)
    ProductVariant.objects.filter(pk=w.variant_a.pk).update(gtin="8931234567897")
    w.variant_a.refresh_from_db()
    qr_services.batch_create(
        actor=staff_user,
        producer=producer_a,
        variant=w.variant_a,
        lot_code="L1",
        production_date=dt.date(2026, 11, 2),
        best_before_date=dt.date(2026, 11, 9),
        quantity=10,
        origin_commune_code="16378",
        origin_area="Đông Sơn",
    )

    # when
    result = content(
        client_for(member_a).post_graphql(
            """mutation($id: ID!) { productDelete(id: $id) { errors { field code message } } }""",
            {"id": gid("Product", w.product_a)},
        )
    )

    # then
    errors = result["data"]["productDelete"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("id", "INVALID")]
    assert Product.objects.filter(pk=w.product_a.pk).exists()
