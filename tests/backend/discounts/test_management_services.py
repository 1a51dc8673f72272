"""Managing vouchers in the domain layer: every bad input is refused with its Saleor code
and nothing written; members manage only their own producer's vouchers."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from backend.core.errors import NotFound, PermissionDenied
from backend.discounts.management_services import (
    voucher_bulk_delete,
    voucher_channel_listing_update,
    voucher_create,
    voucher_delete,
    voucher_update,
)
from backend.discounts.models import Voucher
from backend.discounts.selectors import voucher_list_for_user, voucher_status_q
from producers.models import Producer, ProducerStatus
from tests.backend.catalog.factories import make_channel


def codes(error: ValidationError) -> dict[str, list[str]]:
    return {field: [item.code for item in items] for field, items in error.error_dict.items()}


def test_staff_create_keeps_every_field(staff_user, producer_a):
    # given
    channel = make_channel()
    ends = timezone.now() + timedelta(days=30)

    # when
    voucher = voucher_create(
        actor=staff_user,
        code=" TET2026 ",
        name="Tết",
        value_type="percentage",
        value=Decimal(10),
        min_spend_amount=Decimal(200_000),
        usage_limit=50,
        apply_once_per_customer=True,
        ends_at=ends,
        channel_ids=[channel.pk],
        producer_id=producer_a.pk,
    )

    # then
    voucher.refresh_from_db()
    assert (voucher.code, voucher.name, voucher.value_type, voucher.value) == (
        "TET2026",
        "Tết",
        "percentage",
        10,
    )
    assert (voucher.min_spend_amount, voucher.usage_limit, voucher.used) == (200_000, 50, 0)
    assert voucher.apply_once_per_customer and voucher.is_active
    assert voucher.starts_at is not None and voucher.starts_at <= timezone.now()
    assert voucher.ends_at == ends
    assert list(voucher.channels.all()) == [channel]
    assert voucher.producer == producer_a


def test_empty_code_is_generated_and_unique(staff_user):
    # given
    first = voucher_create(actor=staff_user, value=5_000)

    # when
    second = voucher_create(actor=staff_user, code="  ", value=5_000)

    # then
    assert len(first.code) == len(second.code) == 10
    assert first.code != second.code
    assert first.code.isupper()


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"value": None}, {"discount_value": ["REQUIRED"]}),
        ({"value": 0}, {"discount_value": ["INVALID"]}),
        ({"value": Decimal("1.5")}, {"discount_value": ["INVALID"]}),
        ({"value": 10**13}, {"discount_value": ["INVALID"]}),
        ({"value": 101, "value_type": "percentage"}, {"discount_value": ["INVALID"]}),
        ({"value_type": "bogo"}, {"discount_value_type": ["INVALID"]}),
        ({"min_spend_amount": Decimal("0.5")}, {"min_amount_spent": ["INVALID"]}),
        ({"usage_limit": 0}, {"usage_limit": ["INVALID"]}),
        ({"code": "TET 2026"}, {"code": ["INVALID"]}),
        ({"code": "X" * 65}, {"code": ["INVALID"]}),
        ({"name": "n" * 256}, {"name": ["INVALID"]}),
        ({"channel_ids": [999_999]}, {"channels": ["NOT_FOUND"]}),
        ({"producer_id": 999_999}, {"producer": ["NOT_FOUND"]}),
    ],
)
def test_bad_create_input_is_refused_and_nothing_written(staff_user, kwargs, expected):
    # given
    arguments = {"code": "TET", "value": 10_000, **kwargs}

    # when
    with pytest.raises(ValidationError) as caught:
        voucher_create(actor=staff_user, **arguments)

    # then
    assert codes(caught.value) == expected
    assert Voucher.objects.count() == 0


def test_end_before_start_is_invalid(staff_user):
    # given
    start = timezone.now() + timedelta(days=2)

    # when
    with pytest.raises(ValidationError) as caught:
        voucher_create(
            actor=staff_user, value=1, starts_at=start, ends_at=start - timedelta(hours=1)
        )

    # then
    assert codes(caught.value) == {"end_date": ["INVALID"]}
    assert Voucher.objects.count() == 0


def test_every_problem_is_reported_at_once(staff_user):
    # when
    with pytest.raises(ValidationError) as caught:
        voucher_create(actor=staff_user, value=0, usage_limit=-1, channel_ids=[999_999])

    # then
    assert codes(caught.value) == {
        "discount_value": ["INVALID"],
        "usage_limit": ["INVALID"],
        "channels": ["NOT_FOUND"],
    }


def test_duplicate_code_ignoring_case_already_exists(staff_user):
    # given
    Voucher.objects.create(code="TET", value=1_000)

    # when
    with pytest.raises(ValidationError) as caught:
        voucher_create(actor=staff_user, code="tet", value=2_000)

    # then
    assert codes(caught.value) == {"code": ["ALREADY_EXISTS"]}
    assert Voucher.objects.count() == 1


def test_update_checks_the_voucher_as_it_would_be_saved(staff_user):
    # given a fixed voucher of 50,000 đồng
    voucher = Voucher.objects.create(code="TET", value=50_000)

    # when it is turned into a percentage without a new value
    with pytest.raises(ValidationError) as caught:
        voucher_update(actor=staff_user, voucher_id=voucher.pk, value_type="percentage")

    # then
    assert codes(caught.value) == {"discount_value": ["INVALID"]}
    voucher.refresh_from_db()
    assert voucher.value_type == "fixed"


def test_usage_limit_below_used_is_invalid(staff_user):
    # given
    voucher = Voucher.objects.create(code="TET", value=50_000, used=3, usage_limit=10)

    # when
    with pytest.raises(ValidationError) as caught:
        voucher_update(actor=staff_user, voucher_id=voucher.pk, usage_limit=2)

    # then
    assert codes(caught.value) == {"usage_limit": ["INVALID"]}
    voucher.refresh_from_db()
    assert voucher.usage_limit == 10


def test_update_changes_only_given_fields_and_may_clear_limits(staff_user):
    # given
    channel = make_channel()
    voucher = Voucher.objects.create(
        code="TET", name="Tết", value=50_000, usage_limit=10, min_spend_amount=100_000
    )
    voucher.channels.add(channel)

    # when
    voucher_update(actor=staff_user, voucher_id=voucher.pk, usage_limit=None, min_spend_amount=None)

    # then
    voucher.refresh_from_db()
    assert (voucher.name, voucher.value, voucher.usage_limit, voucher.min_spend_amount) == (
        "Tết",
        50_000,
        None,
        0,
    )
    assert list(voucher.channels.all()) == [channel]


def test_update_keeps_its_own_code(staff_user):
    # given
    voucher = Voucher.objects.create(code="TET", value=50_000)

    # when
    voucher_update(actor=staff_user, voucher_id=voucher.pk, code="tet")

    # then
    voucher.refresh_from_db()
    assert voucher.code == "tet"


@pytest.mark.parametrize("who", ["anonymous", "shopper", "official"])
def test_people_who_manage_no_vouchers_are_refused(actors, who):
    # when / then
    with pytest.raises(PermissionDenied):
        voucher_create(actor=actors[who], value=1_000)
    with pytest.raises(PermissionDenied):
        voucher_list_for_user(actor=actors[who])
    assert Voucher.objects.count() == 0


def test_member_creates_for_their_only_producer(member_a, producer_a):
    # when
    voucher = voucher_create(actor=member_a, value=1_000)

    # then
    assert voucher.producer == producer_a


def test_member_cannot_create_platform_or_other_producers_vouchers(
    member_a, producer_a, producer_b
):
    # when
    with pytest.raises(ValidationError) as platform:
        voucher_create(actor=member_a, value=1_000, producer_id=None)
    with pytest.raises(ValidationError) as other:
        voucher_create(actor=member_a, value=1_000, producer_id=producer_b.pk)

    # then
    assert codes(platform.value) == {"producer": ["REQUIRED"]}
    assert codes(other.value) == {"producer": ["NOT_FOUND"]}
    assert Voucher.objects.count() == 0


def test_member_of_a_suspended_producer_cannot_write(member_a, producer_a, staff_user):
    # given
    Producer.objects.unscoped().filter(pk=producer_a.pk).update(status=ProducerStatus.SUSPENDED)
    voucher = Voucher.objects.create(code="A", value=1_000, producer=producer_a)

    # when
    with pytest.raises(ValidationError) as caught:
        voucher_update(actor=member_a, voucher_id=voucher.pk, name="Mới")
    staff_update = voucher_update(actor=staff_user, voucher_id=voucher.pk, name="Sửa")

    # then
    assert codes(caught.value) == {"producer": ["INVALID"]}
    assert staff_update.name == "Sửa"


def test_member_sees_and_touches_only_their_producers_vouchers(member_a, producer_a, producer_b):
    # given
    own = Voucher.objects.create(code="A", value=1_000, producer=producer_a)
    other = Voucher.objects.create(code="B", value=1_000, producer=producer_b)
    platform = Voucher.objects.create(code="ALL", value=1_000)

    # when
    visible = list(voucher_list_for_user(actor=member_a))

    # then
    assert visible == [own]
    for voucher in (other, platform):
        with pytest.raises(NotFound):
            voucher_update(actor=member_a, voucher_id=voucher.pk, name="x")
        with pytest.raises(NotFound):
            voucher_delete(actor=member_a, voucher_id=voucher.pk)
        with pytest.raises(NotFound):
            voucher_bulk_delete(actor=member_a, voucher_ids=[own.pk, voucher.pk])
        with pytest.raises(NotFound):
            voucher_channel_listing_update(actor=member_a, voucher_id=voucher.pk)
    assert Voucher.objects.count() == 3
    assert set(Voucher.objects.values_list("name", flat=True)) == {""}


def test_bulk_delete_deletes_all_or_none(staff_user):
    # given
    first = Voucher.objects.create(code="A", value=1_000)
    second = Voucher.objects.create(code="B", value=1_000)

    # when
    with pytest.raises(NotFound):
        voucher_bulk_delete(actor=staff_user, voucher_ids=[first.pk, 999_999])
    count = voucher_bulk_delete(actor=staff_user, voucher_ids=[first.pk, second.pk])

    # then
    assert count == 2
    assert Voucher.objects.count() == 0


def test_channel_listing_update_adds_removes_and_sets_the_value(staff_user):
    # given
    vn, export = make_channel("vn"), make_channel("export")
    voucher = Voucher.objects.create(code="TET", value=1_000)
    voucher.channels.add(vn)

    # when
    voucher_channel_listing_update(
        actor=staff_user,
        voucher_id=voucher.pk,
        add_channels=[
            {"channel_id": export.pk, "discount_value": Decimal(20_000), "min_amount_spent": None}
        ],
        remove_channel_ids=[vn.pk],
    )

    # then
    voucher.refresh_from_db()
    assert list(voucher.channels.all()) == [export]
    assert voucher.value == 20_000


@pytest.mark.parametrize(
    ("add", "remove", "expected"),
    [
        ("same-twice", [], {"add_channels": ["DUPLICATED_INPUT_ITEM"]}),
        ("vn", ["vn"], {"add_channels": ["DUPLICATED_INPUT_ITEM"]}),
        ("unknown", [], {"add_channels": ["NOT_FOUND"]}),
        ("", ["unknown"], {"remove_channels": ["NOT_FOUND"]}),
        ("", ["vn"], {"remove_channels": ["INVALID"]}),
        ("two-values", [], {"discount_value": ["INVALID"]}),
        ("percent-200", [], {"discount_value": ["INVALID"]}),
    ],
)
def test_bad_channel_listing_input_changes_nothing(staff_user, add, remove, expected):
    # given
    vn, export = make_channel("vn"), make_channel("export")
    voucher = Voucher.objects.create(code="TET", value=10, value_type="percentage")
    voucher.channels.add(vn)
    pks = {"vn": vn.pk, "export": export.pk, "unknown": 999_999}
    additions = {
        "": [],
        "same-twice": [{"channel_id": export.pk}, {"channel_id": export.pk}],
        "vn": [{"channel_id": vn.pk}],
        "unknown": [{"channel_id": 999_999}],
        "two-values": [
            {"channel_id": vn.pk, "discount_value": Decimal(5)},
            {"channel_id": export.pk, "discount_value": Decimal(6)},
        ],
        "percent-200": [{"channel_id": export.pk, "discount_value": Decimal(200)}],
    }[add]

    # when
    with pytest.raises(ValidationError) as caught:
        voucher_channel_listing_update(
            actor=staff_user,
            voucher_id=voucher.pk,
            add_channels=additions,
            remove_channel_ids=[pks[name] for name in remove],
        )

    # then
    assert codes(caught.value) == expected
    voucher.refresh_from_db()
    assert list(voucher.channels.all()) == [vn]
    assert voucher.value == 10


def test_status_conditions(db):
    # given
    now = timezone.now()
    day = timedelta(days=1)
    active = Voucher.objects.create(code="ACTIVE", value=1, starts_at=now - day)
    open_ended = Voucher.objects.create(code="ALWAYS", value=1)
    expired = Voucher.objects.create(code="OLD", value=1, ends_at=now - day)
    scheduled = Voucher.objects.create(code="SOON", value=1, starts_at=now + day)

    # when
    def matching(*statuses: str) -> set[str]:
        return set(
            Voucher.objects.filter(voucher_status_q(statuses, now=now)).values_list(
                "code", flat=True
            )
        )

    # then
    assert matching("active") == {active.code, open_ended.code}
    assert matching("expired") == {expired.code}
    assert matching("scheduled") == {scheduled.code}
    assert matching("expired", "scheduled") == {expired.code, scheduled.code}
