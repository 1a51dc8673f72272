"""bankNotices: staff list incoming-transfer notices, flagged ones first to settle."""

import json

import pytest

from backend.orders.models import OrderStatus
from tests.backend.payments import factories
from tests.backend.payments.fixtures import post_notice
from tests.conftest import client_for, content

pytestmark = pytest.mark.django_db

NOTICES = """
query Notices($first: Int, $filter: BankNoticeFilterInput) {
  bankNotices(first: $first, filter: $filter) {
    totalCount
    edges {
      node {
        bankReference amount { amount currency } description status flag
        order { number }
        transaction { chargedAmount { amount } }
        events { type user { email } orderNumber reason }
      }
    }
  }
}
"""


@pytest.fixture
def notices(client, payment_settings):
    """An applied notice (FT-OK), an underpaid one (FT-UNDER), one for a cancelled order
    (FT-CANCEL) and one naming no order (FT-UNKNOWN)."""
    order = factories.order()
    cancelled = factories.order(status=OrderStatus.CANCELED)
    post_notice(
        client, {"amount": 180_000, "description": f"OCOP {order.number}", "reference": "FT-OK"}
    )
    second = factories.order()
    post_notice(
        client, {"amount": 1_000, "description": f"OCOP {second.number}", "reference": "FT-UNDER"}
    )
    post_notice(
        client,
        {"amount": 180_000, "description": f"OCOP {cancelled.number}", "reference": "FT-CANCEL"},
    )
    post_notice(client, {"amount": 7, "description": "tien", "reference": "FT-UNKNOWN"})
    return order, second, cancelled


def nodes(response):
    return [edge["node"] for edge in content(response)["data"]["bankNotices"]["edges"]]


def test_staff_list_every_notice_newest_first(notices, staff_api_client):
    # when
    listed = nodes(staff_api_client.post_graphql(NOTICES, {"first": 10}))

    # then
    assert [node["bankReference"] for node in listed] == [
        "FT-UNKNOWN",
        "FT-CANCEL",
        "FT-UNDER",
        "FT-OK",
    ]
    applied = listed[-1]
    order, _second, _cancelled = notices
    assert (applied["status"], applied["flag"], applied["order"]) == (
        "APPLIED",
        None,
        {"number": str(order.number)},
    )
    assert applied["transaction"] == {"chargedAmount": {"amount": 180_000}}
    assert [event["type"] for event in applied["events"]] == ["RECEIVED", "APPLIED"]
    assert listed[0]["amount"] == {"amount": 7, "currency": "VND"}


def test_staff_filter_the_notices_waiting_for_them(notices, staff_api_client):
    # when staff ask for flagged notices, then for underpayments, then by text
    flagged = nodes(
        staff_api_client.post_graphql(NOTICES, {"first": 10, "filter": {"status": ["FLAGGED"]}})
    )
    underpaid = nodes(
        staff_api_client.post_graphql(NOTICES, {"first": 10, "filter": {"flags": ["UNDERPAID"]}})
    )
    searched = nodes(
        staff_api_client.post_graphql(NOTICES, {"first": 10, "filter": {"search": "ft-canc"}})
    )

    # then
    assert [(node["bankReference"], node["flag"]) for node in flagged] == [
        ("FT-UNKNOWN", "UNKNOWN_CODE"),
        ("FT-CANCEL", "ORDER_NOT_PAYABLE"),
        ("FT-UNDER", "UNDERPAID"),
    ]
    assert [node["bankReference"] for node in underpaid] == ["FT-UNDER"]
    assert [node["bankReference"] for node in searched] == ["FT-CANCEL"]


@pytest.mark.parametrize("who", ["anonymous", "shopper", "official", "member_a"])
def test_only_staff_see_bank_notices(notices, actors, producer_a, who):
    # when anyone else asks
    body = json.loads(client_for(actors[who]).post_graphql(NOTICES, {"first": 10}).content)

    # then a top-level permission error and no notices
    assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert body["data"]["bankNotices"] is None


@pytest.mark.parametrize("size", [2, 6])
def test_notices_query_count_does_not_grow_with_the_page(
    client, payment_settings, staff_api_client, size, django_assert_num_queries
):
    # given `size` applied notices
    for number in range(size):
        order = factories.order()
        post_notice(
            client,
            {"amount": 180_000, "description": f"OCOP {order.number}", "reference": f"FT{number}"},
        )

    # when staff list them with their orders, transactions and events
    with django_assert_num_queries(4):
        response = staff_api_client.post_graphql(NOTICES, {"first": 50})

    # then
    assert content(response)["data"]["bankNotices"]["totalCount"] == size
