"""voucher and vouchers: staff see every voucher, a producer's members only their
producer's, everyone else is refused; filters, sorting, pages and a constant query count."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from backend.discounts.models import Voucher
from tests.backend.catalog.factories import make_channel
from tests.backend.graphql.discounts.helpers import gid, top_level_code, voucher_id
from tests.conftest import client_for, content, counted_post

VOUCHER = """
query Voucher($id: ID!, $channel: String) {
  voucher(id: $id, channel: $channel) {
    id code name discountValue currency minSpent { amount }
    channelListings { channel { slug } discountValue }
    producer { name } isActive usageLimit used
    metadata { key value }
  }
}
"""
VOUCHERS = """
query Vouchers(
  $first: Int, $after: String, $filter: VoucherFilterInput, $sortBy: VoucherSortingInput,
  $channel: String, $query: String
) {
  vouchers(
    first: $first, after: $after, filter: $filter, sortBy: $sortBy, channel: $channel,
    query: $query
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { code } }
  }
}
"""


def codes_of(client, variables):
    data = content(client.post_graphql(VOUCHERS, {"first": 50, **variables}))["data"]
    return [edge["node"]["code"] for edge in data["vouchers"]["edges"]]


@pytest.fixture
def three(producer_a, producer_b):
    """A platform voucher and one voucher of each producer."""
    return {
        "platform": Voucher.objects.create(code="ALL", value=10_000),
        "a": Voucher.objects.create(code="NEM", value=5_000, producer=producer_a),
        "b": Voucher.objects.create(
            code="MAM", value=7, value_type="percentage", producer=producer_b
        ),
    }


def test_staff_see_every_voucher_by_code(staff_api_client, three):
    # when
    data = content(staff_api_client.post_graphql(VOUCHERS, {"first": 10}))["data"]["vouchers"]

    # then
    assert [e["node"]["code"] for e in data["edges"]] == ["ALL", "MAM", "NEM"]
    assert data["totalCount"] == 3


def test_staff_read_one_voucher(staff_api_client, three, producer_a):
    # given
    channel = make_channel()
    voucher = three["a"]
    voucher.channels.add(channel)
    Voucher.objects.filter(pk=voucher.pk).update(metadata={"campaign": "tet"}, usage_limit=9)

    # when
    data = content(staff_api_client.post_graphql(VOUCHER, {"id": voucher_id(voucher)}))["data"]

    # then
    assert data["voucher"] == {
        "id": voucher_id(voucher),
        "code": "NEM",
        "name": None,
        "discountValue": 5000,
        "currency": "VND",
        "minSpent": {"amount": 0},
        "channelListings": [{"channel": {"slug": "vn"}, "discountValue": 5000}],
        "producer": {"name": producer_a.name},
        "isActive": True,
        "usageLimit": 9,
        "used": 0,
        "metadata": [{"key": "campaign", "value": "tet"}],
    }


def test_channel_argument_hides_values_where_the_voucher_is_not_usable(staff_api_client, three):
    # given a voucher in "vn" only, and one in every channel
    make_channel("vn")
    make_channel("export")
    three["a"].channels.add(make_channel("vn"))

    # when
    in_export = content(
        staff_api_client.post_graphql(VOUCHER, {"id": voucher_id(three["a"]), "channel": "export"})
    )["data"]["voucher"]
    everywhere = content(
        staff_api_client.post_graphql(
            VOUCHER, {"id": voucher_id(three["platform"]), "channel": "export"}
        )
    )["data"]["voucher"]

    # then
    assert (in_export["discountValue"], in_export["currency"], in_export["minSpent"]) == (
        None,
        None,
        None,
    )
    assert everywhere["discountValue"] == 10000


def test_unknown_channel_is_a_top_level_not_found(staff_api_client, three):
    # when
    response = staff_api_client.post_graphql(VOUCHERS, {"first": 5, "channel": "nowhere"})

    # then
    assert top_level_code(response) == "NOT_FOUND"


def test_member_sees_only_their_producers_vouchers(member_a, three):
    # given
    client = client_for(member_a)

    # when
    listed = codes_of(client, {})
    own = content(client.post_graphql(VOUCHER, {"id": voucher_id(three["a"])}))["data"]
    others = [
        content(client.post_graphql(VOUCHER, {"id": voucher_id(three[key])}))["data"]
        for key in ("platform", "b")
    ]
    filtered = codes_of(client, {"filter": {"ids": [voucher_id(v) for v in three.values()]}})

    # then
    assert listed == filtered == ["NEM"]
    assert own["voucher"]["code"] == "NEM"
    assert others == [{"voucher": None}, {"voucher": None}]


@pytest.mark.parametrize("who", ["anonymous", "shopper", "official"])
def test_people_without_vouchers_to_manage_are_refused(actors, three, who):
    # given
    client = client_for(actors[who])

    # when
    listed = client.post_graphql(VOUCHERS, {"first": 5})
    one = client.post_graphql(VOUCHER, {"id": voucher_id(three["platform"])})

    # then
    assert top_level_code(listed) == top_level_code(one) == "PermissionDenied"
    assert content_or_none(listed) is None
    assert content_or_none(one) is None


def content_or_none(response):
    data = response.json().get("data") or {}
    return next(iter(data.values()), None)


def test_filters(staff_api_client, producer_a):
    # given
    now = timezone.now()
    day = timedelta(days=1)
    Voucher.objects.create(
        code="TET",
        name="Khuyến mãi Tết",
        value=10,
        value_type="percentage",
        used=4,
        starts_at=now - 10 * day,
        metadata={"campaign": "tet"},
    )
    Voucher.objects.create(code="OLD", value=1_000, ends_at=now - day, starts_at=now - 9 * day)
    Voucher.objects.create(code="SOON", value=1_000, starts_at=now + day, producer=producer_a)

    # when / then
    assert codes_of(staff_api_client, {"filter": {"status": ["ACTIVE"]}}) == ["TET"]
    assert codes_of(staff_api_client, {"filter": {"status": ["EXPIRED", "SCHEDULED"]}}) == [
        "OLD",
        "SOON",
    ]
    assert codes_of(staff_api_client, {"filter": {"search": "khuyen mai"}}) == ["TET"]
    assert codes_of(staff_api_client, {"filter": {"search": "oo"}}) == ["SOON"]
    assert codes_of(staff_api_client, {"query": "ol"}) == ["OLD"]
    assert codes_of(staff_api_client, {"filter": {"discountType": ["PERCENTAGE"]}}) == ["TET"]
    assert codes_of(staff_api_client, {"filter": {"discountType": ["SHIPPING"]}}) == []
    assert codes_of(staff_api_client, {"filter": {"timesUsed": {"gte": 1}}}) == ["TET"]
    started = {"gte": (now - 9 * day).isoformat(), "lte": now.isoformat()}
    assert codes_of(staff_api_client, {"filter": {"started": started}}) == ["OLD"]
    assert codes_of(
        staff_api_client, {"filter": {"metadata": [{"key": "campaign", "value": "tet"}]}}
    ) == ["TET"]
    assert codes_of(staff_api_client, {"filter": {"metadata": [{"key": "campaign"}]}}) == ["TET"]
    assert codes_of(staff_api_client, {"filter": {"producers": [gid("Producer", producer_a)]}}) == [
        "SOON"
    ]


@pytest.mark.parametrize(
    ("field", "direction", "expected"),
    [
        ("CODE", "DESC", ["C", "B", "A"]),
        ("NAME", "ASC", ["B", "C", "A"]),
        ("VALUE", "ASC", ["C", "A", "B"]),
        ("TYPE", "DESC", ["C", "B", "A"]),
        ("START_DATE", "ASC", ["A", "C", "B"]),
        ("END_DATE", "ASC", ["B", "A", "C"]),
        ("USAGE_LIMIT", "ASC", ["C", "B", "A"]),
        ("MINIMUM_SPENT_AMOUNT", "DESC", ["B", "A", "C"]),
    ],
)
def test_sorting_pages_through_every_voucher(staff_api_client, field, direction, expected):
    # given
    now = timezone.now()
    Voucher.objects.create(
        code="A",
        name="c",
        value=500,
        starts_at=now - timedelta(days=3),
        ends_at=now + timedelta(days=5),
        min_spend_amount=100,
    )
    Voucher.objects.create(
        code="B",
        name="a",
        value=900,
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=2),
        usage_limit=10,
        min_spend_amount=200,
    )
    Voucher.objects.create(
        code="C",
        name="b",
        value=5,
        value_type="percentage",
        starts_at=now - timedelta(days=2),
        usage_limit=3,
    )
    variables = {"first": 2, "sortBy": {"field": field, "direction": direction}}

    # when
    first = content(staff_api_client.post_graphql(VOUCHERS, variables))["data"]["vouchers"]
    second = content(
        staff_api_client.post_graphql(
            VOUCHERS, {**variables, "after": first["pageInfo"]["endCursor"]}
        )
    )["data"]["vouchers"]

    # then
    assert first["pageInfo"]["hasNextPage"] is True
    assert second["pageInfo"]["hasNextPage"] is False
    pages = [e["node"]["code"] for e in first["edges"] + second["edges"]]
    assert pages == expected


LIST_PAGE = """
query($first: Int) { vouchers(first: $first, channel: "vn") { totalCount edges { node {
  id code name discountValueType discountValue currency minSpent { amount } startDate endDate
  usageLimit used type isActive metadata { key value }
  channelListings { id channel { slug } discountValue currency minSpent { amount } }
  producer { name slug }
} } } }
"""


@pytest.mark.parametrize(
    ("client_name", "expected"),
    # user, (member: producers), channel argument, page, count, channel rows
    [("staff", 5), ("member", 6)],
)
def test_list_query_count_does_not_grow_with_the_page(
    staff_api_client, member_a, producer_a, client_name, expected
):
    # given
    channel = make_channel()
    client = staff_api_client if client_name == "staff" else client_for(member_a)

    def build(count: int) -> None:
        start = Voucher.objects.count()
        for number in range(start, start + count):
            voucher = Voucher.objects.create(
                code=f"V{number:03}", value=1_000 + number, producer=producer_a
            )
            voucher.channels.add(channel)

    build(5)
    small, small_data = counted_post(client, LIST_PAGE, {"first": 5})
    build(15)

    # when
    large, large_data = counted_post(client, LIST_PAGE, {"first": 20})

    # then
    assert len(small_data["vouchers"]["edges"]) == 5
    assert len(large_data["vouchers"]["edges"]) == 20
    assert large == small
    assert large == expected
