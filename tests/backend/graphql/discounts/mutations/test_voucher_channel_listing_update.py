"""voucherChannelListingUpdate: Saleor's way to list a voucher in channels, on our
one-value voucher."""

from __future__ import annotations

import pytest

from backend.discounts.models import Voucher
from tests.backend.catalog.factories import make_channel
from tests.backend.graphql.discounts.helpers import errors_of, gid, voucher_id

LISTINGS = """
mutation Listings($id: ID!, $input: VoucherChannelListingInput!) {
  voucherChannelListingUpdate(id: $id, input: $input) {
    voucher { discountValue minSpent { amount }
              channelListings { channel { slug } discountValue minSpent { amount } } }
    errors { field code }
  }
}
"""


@pytest.fixture
def channels(db):
    return make_channel("vn"), make_channel("export")


def test_add_and_remove_channels_and_set_the_value(staff_api_client, channels):
    # given
    vn, export = channels
    voucher = Voucher.objects.create(code="TET", value=1_000)
    voucher.channels.add(vn)
    variables = {
        "id": voucher_id(voucher),
        "input": {
            "addChannels": [
                {
                    "channelId": gid("Channel", export),
                    "discountValue": 15000,
                    "minAmountSpent": 100000,
                }
            ],
            "removeChannels": [gid("Channel", vn)],
        },
    }

    # when
    result = errors_of(staff_api_client, LISTINGS, variables, "voucherChannelListingUpdate")

    # then
    assert result["errors"] == []
    assert result["voucher"]["channelListings"] == [
        {"channel": {"slug": "export"}, "discountValue": 15000, "minSpent": {"amount": 100000}}
    ]
    voucher.refresh_from_db()
    assert (voucher.value, voucher.min_spend_amount) == (15_000, 100_000)


@pytest.mark.parametrize(
    ("case", "field", "code"),
    [
        ("remove-last", "removeChannels", "INVALID"),
        ("unknown", "addChannels", "NOT_FOUND"),
        ("malformed", "addChannels", "GRAPHQL_ERROR"),
        ("both", "addChannels", "DUPLICATED_INPUT_ITEM"),
        ("disagree", "discountValue", "INVALID"),
    ],
)
def test_bad_listing_input_changes_nothing(staff_api_client, channels, case, field, code):
    # given
    vn, export = channels
    voucher = Voucher.objects.create(code="TET", value=1_000)
    voucher.channels.add(vn)
    vn_id, export_id = gid("Channel", vn), gid("Channel", export)
    inputs = {
        "remove-last": {"removeChannels": [vn_id]},
        "unknown": {"addChannels": [{"channelId": "Q2hhbm5lbDo5OTk5OTk="}]},
        "malformed": {"addChannels": [{"channelId": "nonsense"}]},
        "both": {"addChannels": [{"channelId": vn_id}], "removeChannels": [vn_id]},
        "disagree": {
            "addChannels": [
                {"channelId": vn_id, "discountValue": 1},
                {"channelId": export_id, "discountValue": 2},
            ]
        },
    }

    # when
    result = errors_of(
        staff_api_client,
        LISTINGS,
        {"id": voucher_id(voucher), "input": inputs[case]},
        "voucherChannelListingUpdate",
    )

    # then
    assert result["voucher"] is None
    assert [(e["field"], e["code"]) for e in result["errors"]] == [(field, code)]
    voucher.refresh_from_db()
    assert voucher.value == 1_000
    assert list(voucher.channels.values_list("slug", flat=True)) == ["vn"]
