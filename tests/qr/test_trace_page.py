import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.utils import timezone

from qr import services
from qr.models import Scan, ScanResult, SerialCode
from qr.serials import new_serial

from .conftest import GTIN14, LOT

VN = ZoneInfo("Asia/Ho_Chi_Minh")
PAGE = f"/trace/01/{GTIN14}/10/{LOT}"


@pytest.fixture
def scan_get(client, django_capture_on_commit_callbacks):
    """GET that also runs the scan recording queued on commit (eager Celery)."""

    def get(path, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.get(path, **extra)

    return get


@pytest.fixture
def journey(batch, staff_user, producer):
    services.trace_event_record(
        actor=staff_user,
        producer=producer,
        batch=batch,
        event_type="ObjectEvent",
        action="ADD",
        biz_step="commissioning",
        event_time=dt.datetime(2026, 11, 2, 8, 0, tzinfo=VN),
        description="Thịt lợn nhận từ trang trại",
    )
    return batch


def test_trace_page_shows_product_producer_batch_and_journey(scan_get, journey):
    # when
    response = scan_get(PAGE, HTTP_USER_AGENT="Mozilla/5.0 (iPhone)")

    # then
    assert response.status_code == 200
    body = response.content.decode()
    for text in (
        "Nem chua nem-chua-thanh-hoa",
        "HTX nem-dong-son",
        "Hợp tác xã nem-dong-son",
        "2801234567",
        "Tỉnh Thanh Hóa",
        LOT,
        "02/11/2026",
        "09/11/2026",
        "Thịt lợn nhận từ trang trại",
        "Sản phẩm chưa có chứng nhận OCOP còn hiệu lực.",
    ):
        assert text in body, text
    assert "<script" not in body
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["ETag"].startswith('"')
    scan = Scan.objects.get()
    assert (scan.result, scan.user_agent) == (ScanResult.BATCH, "Mozilla/5.0 (iPhone)")


def test_trace_page_in_english(client, journey):
    # when
    response = client.get(PAGE, HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert "Accept-Language" in response["Vary"]


def test_trace_page_answers_304_to_its_etag(client, journey):
    # given
    etag = client.get(PAGE)["ETag"]

    # when
    response = client.get(PAGE, HTTP_IF_NONE_MATCH=etag)

    # then
    assert response.status_code == 304
    assert response.content == b""


def test_cached_trace_page_costs_no_query(client, journey, django_assert_num_queries):
    # given
    client.get(PAGE)

    # when: (the scan's recording runs after commit, in a task, not counted here)
    with django_assert_num_queries(0):
        response = client.get(PAGE)

    # then
    assert response.status_code == 200


def test_trace_page_cache_is_invalidated_when_batch_or_product_change(
    client, journey, staff_user, producer, django_capture_on_commit_callbacks
):
    # given
    client.get(PAGE)

    # when
    with django_capture_on_commit_callbacks(execute=True):
        services.batch_update(
            actor=staff_user, producer=producer, batch=journey, notes="Đã kiểm nghiệm vi sinh"
        )
    after_batch = client.get(PAGE).content.decode()
    product = journey.variant.product
    product.name = "Nem chua đặc biệt"
    with django_capture_on_commit_callbacks(execute=True):
        product.save()
    after_product = client.get(PAGE).content.decode()

    # then
    assert "Đã kiểm nghiệm vi sinh" in after_batch
    assert "Nem chua đặc biệt" in after_product


def test_serial_page_notices(scan_get, batch, staff_user, producer):
    # given
    [serial] = services.serials_issue(actor=staff_user, producer=producer, batch=batch, count=1)
    url = f"{PAGE}/21/{serial}"

    # when
    first = scan_get(url)
    second = scan_get(url)

    # then
    assert "lần kiểm tra đầu tiên" in first.content.decode()
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert f"Mã này đã được kiểm tra 1 lần kể từ {today}." in second.content.decode()
    assert second["Cache-Control"] == "private, no-cache"
    assert first["ETag"] != second["ETag"]
    assert SerialCode.objects.get().scan_count == 2


@override_settings(QR_SCAN_WARNING_THRESHOLD=3)
def test_serial_scanned_too_often_shows_a_warning(client, batch, staff_user, producer):
    # given
    [serial] = services.serials_issue(actor=staff_user, producer=producer, batch=batch, count=1)
    SerialCode.objects.update(scan_count=3, first_scanned_at=dt.datetime(2026, 11, 20, tzinfo=VN))

    # when
    response = client.get(f"{PAGE}/21/{serial}")

    # then
    body = response.content.decode()
    assert "Cảnh báo: Mã này đã được kiểm tra 3 lần kể từ 20/11/2026." in body
    assert 'role="alert"' in body


def test_unknown_and_forged_serials_are_flagged(scan_get, batch):
    # given
    signed = new_serial(gtin=batch.gtin, lot=batch.lot_code)

    # when
    unknown = scan_get(f"{PAGE}/21/{signed}").content.decode()
    forged = scan_get(f"{PAGE}/21/AAAAAAAAAAAAAAAAAAAA").content.decode()

    # then
    assert "Mã này không tồn tại trong hệ thống" in unknown
    assert "sai chữ ký" in forged
    assert sorted(Scan.objects.values_list("result", flat=True)) == ["forged", "unknown"]
    assert SerialCode.objects.count() == 0


def test_serial_of_another_batch_is_forged_here(
    client, batch, other_batch, staff_user, other_producer
):
    # given
    [foreign] = services.serials_issue(
        actor=staff_user, producer=other_producer, batch=other_batch, count=1
    )

    # when
    body = client.get(f"{PAGE}/21/{foreign}").content.decode()

    # then
    assert "sai chữ ký" in body
    assert other_batch.lot_code not in body


@pytest.mark.parametrize(
    ("path", "status"),
    [
        (f"/trace/01/{GTIN14}/10/NOPE", 404),
        (f"/trace/01/{GTIN14}", 404),
        ("/trace/01/08931234567898/10/L1", 400),
        (f"/trace/01/{GTIN14}/10/{LOT}/21/" + "A" * 21, 400),
        (f"/trace/01/{GTIN14}/10/{LOT}/21/a%2F..", 400),
    ],
)
def test_trace_page_bad_input(scan_get, batch, path, status):
    # when
    response = scan_get(path)

    # then
    assert response.status_code == status
    assert response["Cache-Control"] == "no-store"
    assert Scan.objects.count() == 0
