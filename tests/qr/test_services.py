import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from backend.core.errors import NotFound, PermissionDenied
from qr import services
from qr.gs1 import is_valid_gtin
from qr.models import Batch, BatchHistory, Scan, ScanResult, SerialCode, TraceEvent
from qr.serials import new_serial

from .conftest import GTIN14, LOT

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def create(actor, producer, variant, **overrides):
    arguments = {
        "actor": actor,
        "producer": producer,
        "variant": variant,
        "lot_code": "L-1",
        "production_date": dt.date(2026, 11, 1),
        "quantity": 10,
    } | overrides
    return services.batch_create(**arguments)


def error_code(error: ValidationError, field: str) -> str:
    return error.error_dict[field][0].code


def test_batch_create_stores_the_gtin_14_and_writes_history(batch):
    # then
    assert batch.gtin == GTIN14
    assert batch.lot_code == LOT
    assert batch.producer.slug == "nem-dong-son"
    assert list(BatchHistory.objects.filter(batch=batch).values_list("type", flat=True)) == [
        "batch_created"
    ]


@pytest.mark.parametrize(
    ("lot", "field_code"),
    [
        ("", "INVALID_LOT"),
        ("A" * 21, "INVALID_LOT"),
        ("L/1", "INVALID_LOT"),
        ("..", "INVALID_LOT"),
        ("Lô-1", "INVALID_LOT"),
        ("L 1", "INVALID_LOT"),
    ],
)
def test_batch_create_refuses_lots_that_are_not_gs1_ai_10(
    staff_user, producer, variant, lot, field_code
):
    # when
    with pytest.raises(ValidationError) as error:
        create(staff_user, producer, variant, lot_code=lot)

    # then
    assert error_code(error.value, "lot_code") == field_code
    assert Batch.objects.count() == 0


def test_batch_create_refuses_a_duplicate_lot(batch, staff_user, producer, variant):
    # when
    with pytest.raises(ValidationError) as error:
        create(staff_user, producer, variant, lot_code=LOT)

    # then
    assert error_code(error.value, "lot_code") == "UNIQUE"
    assert Batch.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"origin_commune_code": "99999"}, "origin_commune_code", "INVALID_COMMUNE"),
        ({"expiry_date": dt.date(2026, 10, 1)}, "expiry_date", "INVALID_DATES"),
        ({"best_before_date": dt.date(2026, 10, 1)}, "best_before_date", "INVALID_DATES"),
        ({"quantity": 0}, "quantity", "INVALID"),
        ({"unit": "XYZ"}, "unit", "INVALID_UNIT"),
    ],
)
def test_batch_create_validates_fields(staff_user, producer, variant, overrides, field, code):
    # when
    with pytest.raises(ValidationError) as error:
        create(staff_user, producer, variant, **overrides)

    # then
    assert error_code(error.value, field) == code
    assert Batch.objects.count() == 0


def test_batch_create_refuses_non_staff_and_another_producers_variant(
    shopper, staff_user, producer, other_variant
):
    # when / then
    with pytest.raises(PermissionDenied):
        create(shopper, producer, other_variant)
    with pytest.raises(NotFound):
        create(staff_user, producer, other_variant)
    assert Batch.objects.count() == 0


@override_settings(QR_PLATFORM_GTIN_PREFIX="2001")
def test_variant_without_gtin_gets_a_stable_platform_identifier(other_variant):
    # when
    first = services.variant_gtin(other_variant)
    second = services.variant_gtin(other_variant)

    # then
    assert first == second
    assert first.startswith("02001")
    assert is_valid_gtin(first)


def test_batch_update_changes_editable_fields_only(batch, staff_user, producer):
    # when
    services.batch_update(actor=staff_user, producer=producer, batch=batch, quantity=300, notes="x")

    # then
    batch.refresh_from_db()
    assert (batch.quantity, batch.notes) == (300, "x")
    with pytest.raises(ValidationError) as error:
        services.batch_update(actor=staff_user, producer=producer, batch=batch, lot_code="NEW")
    assert error_code(error.value, "lot_code") == "INVALID"


def test_batch_update_of_another_producers_batch_is_not_found(other_batch, staff_user, producer):
    # when / then
    with pytest.raises(NotFound):
        services.batch_update(actor=staff_user, producer=producer, batch=other_batch, quantity=1)
    other_batch.refresh_from_db()
    assert other_batch.quantity == 50


def record(batch, staff_user, producer, **overrides):
    arguments = {
        "actor": staff_user,
        "producer": producer,
        "batch": batch,
        "event_type": "ObjectEvent",
        "action": "ADD",
        "biz_step": "commissioning",
        "event_time": dt.datetime(2026, 11, 2, 8, 0, tzinfo=VN),
    } | overrides
    return services.trace_event_record(**arguments)


def test_trace_event_keeps_the_time_zone_offset(batch, staff_user, producer):
    # when
    event = record(batch, staff_user, producer, disposition="active", read_point="urn:ocop:x")

    # then
    assert event.event_time_zone_offset == "+07:00"
    assert event.event_time == dt.datetime(2026, 11, 2, 1, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"biz_step": "cooking"}, "biz_step", "INVALID_BIZ_STEP"),
        ({"disposition": "tasty"}, "disposition", "INVALID_DISPOSITION"),
        ({"event_type": "AggregationEvent"}, "event_type", "INVALID_EVENT"),
        ({"action": ""}, "action", "INVALID_EVENT"),
        ({"event_type": "TransformationEvent"}, "action", "INVALID_EVENT"),
        ({"event_time": dt.datetime(2026, 11, 2, 8)}, "event_time", "INVALID_EVENT"),
        ({"read_point": "Kho Thanh Hóa"}, "read_point", "INVALID"),
        ({"inputs": [{"epcClass": "urn:x", "quantity": 1, "uom": "KGM"}]}, "inputs", "INVALID"),
    ],
)
def test_trace_event_validation(batch, staff_user, producer, overrides, field, code):
    # when
    with pytest.raises(ValidationError) as error:
        record(batch, staff_user, producer, **overrides)

    # then
    assert error_code(error.value, field) == code
    assert TraceEvent.objects.count() == 0


def test_serials_issue_within_the_limit(batch, staff_user, producer):
    # when
    codes = services.serials_issue(actor=staff_user, producer=producer, batch=batch, count=25)

    # then
    assert SerialCode.objects.filter(batch=batch).count() == 25
    assert len(set(codes)) == 25


@override_settings(QR_MAX_SERIALS_PER_REQUEST=10)
@pytest.mark.parametrize("count", [0, -1, 11, True])
def test_serials_issue_refuses_oversized_or_bad_counts(batch, staff_user, producer, count):
    # when
    with pytest.raises(ValidationError) as error:
        services.serials_issue(actor=staff_user, producer=producer, batch=batch, count=count)

    # then
    assert error_code(error.value, "count") == "TOO_MANY_SERIALS"
    assert SerialCode.objects.count() == 0


def test_serials_issue_for_another_producers_batch_is_not_found(other_batch, staff_user, producer):
    # when / then
    with pytest.raises(NotFound):
        services.serials_issue(actor=staff_user, producer=producer, batch=other_batch, count=1)
    assert SerialCode.objects.count() == 0


def scan(batch, serial):
    return services.scan_record(
        token=uuid.uuid4().hex,
        batch_id=batch.pk,
        serial=serial,
        user_agent="Mozilla/5.0 (iPhone)",
        scanned_at=timezone.now(),
    )


def test_scan_record_classifies_and_counts(batch, staff_user, producer):
    # given
    [genuine] = services.serials_issue(actor=staff_user, producer=producer, batch=batch, count=1)
    signed_but_unknown = new_serial(gtin=batch.gtin, lot=batch.lot_code)

    # when
    results = [
        scan(batch, serial).result
        for serial in ("", genuine, genuine, signed_but_unknown, "FAKE123")
    ]

    # then
    assert results == [
        ScanResult.BATCH,
        ScanResult.GENUINE,
        ScanResult.GENUINE,
        ScanResult.UNKNOWN,
        ScanResult.FORGED,
    ]
    code = SerialCode.objects.get(serial=genuine)
    assert code.scan_count == 2
    assert code.first_scanned_at <= code.last_scanned_at


def test_scan_record_is_idempotent_on_its_token(batch, staff_user, producer):
    # given
    [serial] = services.serials_issue(actor=staff_user, producer=producer, batch=batch, count=1)
    token = uuid.uuid4().hex

    # when
    for _ in range(2):
        services.scan_record(
            token=token, batch_id=batch.pk, serial=serial, user_agent="x", scanned_at=timezone.now()
        )

    # then
    assert Scan.objects.count() == 1
    assert SerialCode.objects.get(serial=serial).scan_count == 1
