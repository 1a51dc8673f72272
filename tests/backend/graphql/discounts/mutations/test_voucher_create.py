"""voucherCreate: Saleor's shape, our extensions, every bad input refused by code."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backend.discounts.models import Voucher
from tests.backend.catalog.factories import make_channel
from tests.backend.graphql.discounts.helpers import errors_of, gid, top_level_code
from tests.conftest import client_for

CREATE = """
mutation Create($input: VoucherInput!) {
  voucherCreate(input: $input) {
    voucher {
      id name code usageLimit used startDate endDate applyOncePerCustomer
      discountValueType discountValue currency minSpent { amount currency } type isActive
      channelListings { channel { slug } discountValue currency minSpent { amount } }
      producer { name }
    }
    errors { field code message }
  }
}
"""


def test_staff_creates_a_voucher(staff_api_client):
    # given
    channel = make_channel()
    variables = {
        "input": {
            "name": "Tết 2026",
            "code": "TET2026",
            "discountValueType": "PERCENTAGE",
            "discountValue": 10,
            "minAmountSpent": 200000,
            "usageLimit": 100,
            "applyOncePerCustomer": True,
            "startDate": "2026-01-20T00:00:00+07:00",
            "endDate": "2026-02-20T00:00:00+07:00",
            "channels": [gid("Channel", channel)],
            "type": "ENTIRE_ORDER",
        }
    }

    # when
    result = errors_of(staff_api_client, CREATE, variables, "voucherCreate")

    # then
    assert result["errors"] == []
    voucher = result["voucher"]
    assert {k: voucher[k] for k in ("name", "code", "usageLimit", "used")} == {
        "name": "Tết 2026",
        "code": "TET2026",
        "usageLimit": 100,
        "used": 0,
    }
    assert datetime.fromisoformat(voucher["startDate"]) == datetime(2026, 1, 19, 17, tzinfo=UTC)
    assert datetime.fromisoformat(voucher["endDate"]) == datetime(2026, 2, 19, 17, tzinfo=UTC)
    assert voucher["applyOncePerCustomer"] is True
    assert (voucher["discountValueType"], voucher["discountValue"]) == ("PERCENTAGE", 10)
    assert voucher["currency"] == "VND"
    assert voucher["minSpent"] == {"amount": 200000, "currency": "VND"}
    assert (voucher["type"], voucher["isActive"], voucher["producer"]) == (
        "ENTIRE_ORDER",
        True,
        None,
    )
    assert voucher["channelListings"] == [
        {
            "channel": {"slug": "vn"},
            "discountValue": 10,
            "currency": "VND",
            "minSpent": {"amount": 200000},
        }
    ]
    stored = Voucher.objects.get()
    assert (stored.code, stored.value_type, stored.value) == ("TET2026", "percentage", 10)


def test_left_out_code_is_generated(staff_api_client):
    # when
    result = errors_of(
        staff_api_client, CREATE, {"input": {"discountValue": 20000}}, "voucherCreate"
    )

    # then
    assert result["errors"] == []
    assert result["voucher"]["code"] == Voucher.objects.get().code
    assert len(result["voucher"]["code"]) == 10
    assert result["voucher"]["discountValueType"] == "FIXED"
    assert result["voucher"]["channelListings"] == []


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"code": "taken"}, "code", "ALREADY_EXISTS"),
        ({"discountValueType": "PERCENTAGE", "discountValue": 101}, "discountValue", "INVALID"),
        ({"discountValue": 0}, "discountValue", "INVALID"),
        ({"discountValue": 0.5}, "discountValue", "INVALID"),
        ({"discountValue": None}, "discountValue", "REQUIRED"),
        (
            {"startDate": "2026-03-01T00:00:00+07:00", "endDate": "2026-02-01T00:00:00+07:00"},
            "endDate",
            "INVALID",
        ),
        ({"channels": ["Q2hhbm5lbDo5OTk5OTk="]}, "channels", "NOT_FOUND"),  # Channel:999999
        ({"channels": ["bm90LWFuLWlk"]}, "channels", "GRAPHQL_ERROR"),
        ({"producer": "UHJvZHVjZXI6OTk5OTk5"}, "producer", "NOT_FOUND"),  # Producer:999999
        ({"usageLimit": 0}, "usageLimit", "INVALID"),
        ({"minAmountSpent": 1.5}, "minAmountSpent", "INVALID"),
        ({"code": "TET 2026"}, "code", "INVALID"),
        ({"type": "SHIPPING"}, "type", "INVALID"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(staff_api_client, changes, field, code):
    # given
    Voucher.objects.create(code="TAKEN", value=1_000)
    variables = {"input": {"code": "NEW", "discountValue": 10_000, **changes}}

    # when
    result = errors_of(staff_api_client, CREATE, variables, "voucherCreate")

    # then
    assert result["voucher"] is None
    assert [(e["field"], e["code"]) for e in result["errors"]] == [(field, code)]
    assert all(e["message"] for e in result["errors"])
    assert list(Voucher.objects.values_list("code", flat=True)) == ["TAKEN"]


def test_messages_are_vietnamese_by_default_and_english_on_request(staff_api_client):
    # given
    Voucher.objects.create(code="TAKEN", value=1_000)
    variables = {"input": {"code": "taken", "discountValue": 1_000}}

    # when
    vietnamese = errors_of(staff_api_client, CREATE, variables, "voucherCreate")
    english = staff_api_client.post_graphql(CREATE, variables, HTTP_ACCEPT_LANGUAGE="en").json()

    # then
    assert vietnamese["errors"][0]["message"] == "Mã khuyến mãi taken đã tồn tại."
    assert english["data"]["voucherCreate"]["errors"][0]["message"] == (
        "Voucher code taken already exists."
    )


@pytest.mark.parametrize("who", ["anonymous", "shopper", "official"])
def test_non_staff_without_a_producer_are_refused(actors, who):
    # when
    response = client_for(actors[who]).post_graphql(CREATE, {"input": {"discountValue": 1_000}})

    # then
    assert top_level_code(response) == "PermissionDenied"
    assert Voucher.objects.count() == 0


def test_member_creates_their_producers_voucher(member_a, producer_a):
    # when
    result = errors_of(
        client_for(member_a),
        CREATE,
        {"input": {"code": "NEM", "discountValue": 5_000}},
        "voucherCreate",
    )

    # then
    assert result["errors"] == []
    assert result["voucher"]["producer"] == {"name": producer_a.name}
    assert Voucher.objects.get().producer == producer_a


@pytest.mark.parametrize(("producer", "code"), [("none", "REQUIRED"), ("other", "NOT_FOUND")])
def test_member_cannot_create_platform_or_other_producers_vouchers(
    member_a, producer_a, producer_b, producer, code
):
    # given
    value = None if producer == "none" else gid("Producer", producer_b)

    # when
    result = errors_of(
        client_for(member_a),
        CREATE,
        {"input": {"code": "NEM", "discountValue": 5_000, "producer": value}},
        "voucherCreate",
    )

    # then
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("producer", code)]
    assert Voucher.objects.count() == 0
