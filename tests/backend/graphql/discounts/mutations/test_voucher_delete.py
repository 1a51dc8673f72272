"""voucherDelete and voucherBulkDelete: orders keep the code; all or none."""

from __future__ import annotations

from backend.discounts.models import Voucher
from tests.backend.graphql.discounts.helpers import errors_of, voucher_id

DELETE = """
mutation Delete($id: ID!) {
  voucherDelete(id: $id) { voucher { id code } errors { field code } }
}
"""
BULK_DELETE = """
mutation BulkDelete($ids: [ID!]!) {
  voucherBulkDelete(ids: $ids) { count errors { field code } }
}
"""


def test_staff_delete_a_voucher(staff_api_client):
    # given
    voucher = Voucher.objects.create(code="TET", value=1_000)

    # when
    result = errors_of(staff_api_client, DELETE, {"id": voucher_id(voucher)}, "voucherDelete")

    # then
    assert result == {"voucher": {"id": voucher_id(voucher), "code": "TET"}, "errors": []}
    assert not Voucher.objects.exists()


def test_bulk_delete(staff_api_client):
    # given
    vouchers = [Voucher.objects.create(code=code, value=1_000) for code in ("A", "B", "C")]

    # when
    result = errors_of(
        staff_api_client,
        BULK_DELETE,
        {"ids": [voucher_id(v) for v in vouchers[:2]]},
        "voucherBulkDelete",
    )

    # then
    assert result == {"count": 2, "errors": []}
    assert list(Voucher.objects.values_list("code", flat=True)) == ["C"]


def test_bulk_delete_with_an_unknown_id_deletes_nothing(staff_api_client):
    # given
    voucher = Voucher.objects.create(code="A", value=1_000)

    # when
    result = errors_of(
        staff_api_client,
        BULK_DELETE,
        {"ids": [voucher_id(voucher), "Vm91Y2hlcjo5OTk5OTk="]},
        "voucherBulkDelete",
    )

    # then
    assert result == {"count": 0, "errors": [{"field": "ids", "code": "NOT_FOUND"}]}
    assert Voucher.objects.count() == 1
