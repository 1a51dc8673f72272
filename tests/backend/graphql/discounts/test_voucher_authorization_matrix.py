"""Every voucher operation over the six actors (style.md rule 9), on producer A's voucher and
on a platform voucher: staff may do everything; member A only on A's voucher; member B is
answered as if neither existed; the others are refused outright. Nothing is written unless
allowed."""

from __future__ import annotations

from typing import Any

import pytest

from backend.discounts.models import Voucher
from tests.backend.catalog.factories import make_channel
from tests.backend.graphql.discounts.helpers import gid, voucher_id
from tests.backend.graphql.producers.helpers import outcome
from tests.conftest import client_for

REFUSED = {"anonymous": "denied", "shopper": "denied", "official": "denied"}
ON_PRODUCER_A = {**REFUSED, "member_a": "ok", "member_b": "not_found", "staff": "ok"}
ON_PLATFORM = {**REFUSED, "member_a": "not_found", "member_b": "not_found", "staff": "ok"}

CASES: dict[str, tuple[str, Any]] = {
    "voucherCreate": (
        """mutation($input: VoucherInput!) {
          voucherCreate(input: $input) { voucher { code } errors { field code } } }""",
        lambda v, w: {
            "input": {
                "code": "NEW",
                "discountValue": 1000,
                "producer": None if w["producer"] is None else gid("Producer", w["producer"]),
            }
        },
    ),
    "voucherUpdate": (
        """mutation($id: ID!) {
          voucherUpdate(id: $id, input: {name: "Đổi tên"}) {
            voucher { code } errors { field code } } }""",
        lambda v, w: {"id": voucher_id(v)},
    ),
    "voucherDelete": (
        """mutation($id: ID!) { voucherDelete(id: $id) { voucher { code } errors { code } } }""",
        lambda v, w: {"id": voucher_id(v)},
    ),
    "voucherBulkDelete": (
        """mutation($ids: [ID!]!) { voucherBulkDelete(ids: $ids) { count errors { code } } }""",
        lambda v, w: {"ids": [voucher_id(v)]},
    ),
    "voucherChannelListingUpdate": (
        """mutation($id: ID!, $input: VoucherChannelListingInput!) {
          voucherChannelListingUpdate(id: $id, input: $input) {
            voucher { code } errors { field code } } }""",
        lambda v, w: {
            "id": voucher_id(v),
            "input": {"addChannels": [{"channelId": gid("Channel", w["channel"])}]},
        },
    ),
}


@pytest.mark.parametrize("scope", ["producer_a", "platform"])
@pytest.mark.parametrize("actor", list(ON_PRODUCER_A))
@pytest.mark.parametrize("mutation", list(CASES))
def test_voucher_mutation_matrix(actor, mutation, scope, actors, producer_a, producer_b):
    # given
    producer = producer_a if scope == "producer_a" else None
    voucher = Voucher.objects.create(code="OLD", name="Cũ", value=1_000, producer=producer)
    world = {"producer": producer, "channel": make_channel()}
    query, variables = CASES[mutation]
    before = list(Voucher.objects.values())

    # when
    response = client_for(actors[actor]).post_graphql(query, variables(voucher, world))

    # then
    expected = (ON_PRODUCER_A if scope == "producer_a" else ON_PLATFORM)[actor]
    if mutation == "voucherCreate" and scope == "platform" and actor == "member_a":
        expected = "required"  # members cannot create platform vouchers
    if mutation == "voucherCreate" and scope == "platform" and actor == "member_b":
        expected = "required"
    result = outcome(response, mutation)
    assert result == expected
    if result != "ok":
        assert list(Voucher.objects.values()) == before
        assert not voucher.channels.exists()


VOUCHER = """query($id: ID!) { voucher(id: $id) { code } }"""
VOUCHERS = """{ vouchers(first: 10) { edges { node { code } } } }"""


@pytest.mark.parametrize(
    ("actor", "expected_one", "expected_list"),
    [
        ("anonymous", "denied", "denied"),
        ("shopper", "denied", "denied"),
        ("official", "denied", "denied"),
        ("member_a", "NEM", ["NEM"]),
        ("member_b", None, ["MAM"]),
        ("staff", "NEM", ["ALL", "MAM", "NEM"]),
    ],
)
def test_voucher_query_matrix(actor, expected_one, expected_list, actors, producer_a, producer_b):
    # given
    Voucher.objects.create(code="ALL", value=1_000)
    own = Voucher.objects.create(code="NEM", value=1_000, producer=producer_a)
    Voucher.objects.create(code="MAM", value=1_000, producer=producer_b)
    client = client_for(actors[actor])

    # when
    one = client.post_graphql(VOUCHER, {"id": voucher_id(own)}).json()
    listed = client.post_graphql(VOUCHERS).json()

    # then
    def shown(data: dict[str, Any], key: str) -> Any:
        if data.get("errors"):
            assert data["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
            return "denied"
        value = data["data"][key]
        if key == "voucher":
            return value and value["code"]
        return [edge["node"]["code"] for edge in value["edges"]]

    assert shown(one, "voucher") == expected_one
    assert shown(listed, "vouchers") == expected_list
