"""End to end: a voucher created through the API is accepted by checkoutAddPromoCode and
takes off what it says; deactivating it through the API makes checkout refuse it."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from graphql_relay import to_global_id

from producers.models import MemberRole, ProducerMember
from tests.backend.checkout.factories import (
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
    ready_checkout,
)
from tests.backend.graphql.discounts.helpers import errors_of, gid
from tests.conftest import client_for, make_user

CREATE = """
mutation Create($input: VoucherInput!) {
  voucherCreate(input: $input) { voucher { id code } errors { field code } }
}
"""
UPDATE = """
mutation Update($id: ID!, $input: VoucherInput!) {
  voucherUpdate(id: $id, input: $input) { errors { field code } }
}
"""
PROMO = """
mutation Promo($id: ID!, $code: String!) {
  checkoutAddPromoCode(id: $id, promoCode: $code) {
    checkout { voucherCode discount { amount } deliveryGroups { discount { amount } } }
    errors { field code }
  }
}
"""


def test_voucher_created_through_the_api_is_accepted_at_checkout(staff_api_client, api_client):
    # given a cart of 200,000 đồng and a 10 % voucher made through the API
    channel = make_channel()
    producer = make_producer()
    make_shipping(producer)
    variant = make_variant(channel, producer=producer, price=100_000)
    checkout = ready_checkout(AnonymousUser(), channel, [variant, variant])
    created = errors_of(
        staff_api_client,
        CREATE,
        {
            "input": {
                "code": "Tet10",
                "discountValueType": "PERCENTAGE",
                "discountValue": 10,
                "minAmountSpent": 150000,
                "channels": [gid("Channel", channel)],
            }
        },
        "voucherCreate",
    )
    assert created["errors"] == []

    # when the shopper types it in another case
    promo = errors_of(
        api_client,
        PROMO,
        {"id": to_global_id("Checkout", checkout.pk), "code": "TET10"},
        "checkoutAddPromoCode",
    )

    # then
    assert promo["errors"] == []
    assert promo["checkout"]["voucherCode"] == "Tet10"
    assert promo["checkout"]["discount"]["amount"] == 20_000


def test_deactivated_through_the_api_is_refused_at_checkout(staff_api_client, api_client):
    # given
    channel = make_channel()
    producer = make_producer()
    make_shipping(producer)
    variant = make_variant(channel, producer=producer, price=100_000)
    checkout = ready_checkout(AnonymousUser(), channel, [variant])
    created = errors_of(
        staff_api_client,
        CREATE,
        {"input": {"code": "OFF", "discountValue": 5000}},
        "voucherCreate",
    )
    errors_of(
        staff_api_client,
        UPDATE,
        {"id": created["voucher"]["id"], "input": {"isActive": False}},
        "voucherUpdate",
    )

    # when
    promo = errors_of(
        api_client,
        PROMO,
        {"id": to_global_id("Checkout", checkout.pk), "code": "OFF"},
        "checkoutAddPromoCode",
    )

    # then
    assert [(e["field"], e["code"]) for e in promo["errors"]] == [
        ("promoCode", "VOUCHER_NOT_APPLICABLE")
    ]


def test_members_voucher_discounts_only_their_producers_lines(api_client, db):
    # given a cart with two producers' products, and producer A's member creates a voucher
    channel = make_channel()
    producer_a, producer_b = make_producer("HTX A"), make_producer("HTX B")
    member = make_user("thanh.vien@example.com")
    ProducerMember.objects.create(producer=producer_a, user=member, role=MemberRole.OWNER)
    variants = [
        make_variant(channel, producer=producer, price=price)
        for producer, price in ((producer_a, 100_000), (producer_b, 300_000))
    ]
    for producer in (producer_a, producer_b):
        make_shipping(producer)
    checkout = ready_checkout(AnonymousUser(), channel, variants)
    created = errors_of(
        client_for(member),
        CREATE,
        {"input": {"code": "HTXA", "discountValueType": "PERCENTAGE", "discountValue": 50}},
        "voucherCreate",
    )
    assert created["errors"] == []

    # when
    promo = errors_of(
        api_client,
        PROMO,
        {"id": to_global_id("Checkout", checkout.pk), "code": "HTXA"},
        "checkoutAddPromoCode",
    )

    # then half of producer A's 100,000, all of it A's
    assert promo["errors"] == []
    assert promo["checkout"]["discount"]["amount"] == 50_000
    assert sorted(g["discount"]["amount"] for g in promo["checkout"]["deliveryGroups"]) == [
        0,
        50_000,
    ]
