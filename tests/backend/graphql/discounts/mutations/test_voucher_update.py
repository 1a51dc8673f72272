"""voucherUpdate: only the given fields change; bad input is refused by code with nothing
written."""

from __future__ import annotations

import pytest

from backend.discounts.models import Voucher
from tests.backend.catalog.factories import make_channel
from tests.backend.graphql.discounts.helpers import errors_of, gid, voucher_id

UPDATE = """
mutation Update($id: ID!, $input: VoucherInput!) {
  voucherUpdate(id: $id, input: $input) {
    voucher { code name discountValue discountValueType usageLimit endDate isActive
              channelListings { channel { slug } } producer { name } }
    errors { field code }
  }
}
"""


@pytest.fixture
def voucher(db):
    voucher = Voucher.objects.create(code="TET", name="Tết", value=50_000, usage_limit=10, used=4)
    voucher.channels.add(make_channel())
    return voucher


def test_staff_update_changes_only_given_fields(staff_api_client, voucher, producer_a):
    # given
    variables = {
        "id": voucher_id(voucher),
        "input": {
            "name": "Tết Bính Ngọ",
            "discountValue": 60000,
            "isActive": False,
            "endDate": None,
            "producer": gid("Producer", producer_a),
        },
    }

    # when
    result = errors_of(staff_api_client, UPDATE, variables, "voucherUpdate")

    # then
    assert result["errors"] == []
    assert result["voucher"] == {
        "code": "TET",
        "name": "Tết Bính Ngọ",
        "discountValue": 60000,
        "discountValueType": "FIXED",
        "usageLimit": 10,
        "endDate": None,
        "isActive": False,
        "channelListings": [{"channel": {"slug": "vn"}}],
        "producer": {"name": producer_a.name},
    }
    voucher.refresh_from_db()
    assert (voucher.value, voucher.is_active, voucher.producer_id) == (
        60_000,
        False,
        producer_a.pk,
    )


def test_empty_channels_make_the_voucher_usable_everywhere(staff_api_client, voucher):
    # when
    result = errors_of(
        staff_api_client,
        UPDATE,
        {"id": voucher_id(voucher), "input": {"channels": []}},
        "voucherUpdate",
    )

    # then
    assert result["voucher"]["channelListings"] == []
    assert not voucher.channels.exists()


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"usageLimit": 3}, "usageLimit", "INVALID"),
        ({"code": "taken"}, "code", "ALREADY_EXISTS"),
        ({"discountValueType": "PERCENTAGE"}, "discountValue", "INVALID"),
        ({"discountValue": None}, "discountValue", "REQUIRED"),
        ({"discountValue": 0}, "discountValue", "INVALID"),
        (
            {"startDate": "2026-03-01T00:00:00+07:00", "endDate": "2026-03-01T00:00:00+07:00"},
            "endDate",
            "INVALID",
        ),
        ({"channels": ["Q2hhbm5lbDo5OTk5OTk="]}, "channels", "NOT_FOUND"),
    ],
)
def test_bad_update_is_refused_and_nothing_written(staff_api_client, voucher, changes, field, code):
    # given
    Voucher.objects.create(code="TAKEN", value=1_000)
    before = Voucher.objects.values().get(pk=voucher.pk)

    # when
    result = errors_of(
        staff_api_client,
        UPDATE,
        {"id": voucher_id(voucher), "input": {"name": "Đổi", **changes}},
        "voucherUpdate",
    )

    # then
    assert result["voucher"] is None
    assert [(e["field"], e["code"]) for e in result["errors"]] == [(field, code)]
    assert Voucher.objects.values().get(pk=voucher.pk) == before
    assert list(voucher.channels.values_list("slug", flat=True)) == ["vn"]


def test_unknown_or_malformed_id(staff_api_client):
    # when
    missing = errors_of(
        staff_api_client,
        UPDATE,
        {"id": "Vm91Y2hlcjo5OTk5OTk=", "input": {"name": "x"}},  # Voucher:999999
        "voucherUpdate",
    )
    malformed = errors_of(
        staff_api_client, UPDATE, {"id": "nonsense", "input": {"name": "x"}}, "voucherUpdate"
    )

    # then
    assert [(e["field"], e["code"]) for e in missing["errors"]] == [("id", "NOT_FOUND")]
    assert [(e["field"], e["code"]) for e in malformed["errors"]] == [("id", "GRAPHQL_ERROR")]
