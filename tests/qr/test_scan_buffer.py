"""The Redis write-behind buffer for scans (real Redis, DB 8 of the machine's server)."""

import os

import pytest
import redis
from django.test import override_settings

from qr import scan_buffer, services
from qr.models import Scan, ScanResult, SerialCode
from qr.tasks import drain_scans_task
from tests.celery_helpers import redis_url_for_db

from .conftest import GTIN14, LOT


@pytest.fixture
def buffer_url():
    return os.environ.get("QR_TEST_SCAN_BUFFER_URL") or redis_url_for_db(8)


@pytest.fixture
def buffer(buffer_url):
    client = redis.Redis.from_url(buffer_url)
    client.delete(scan_buffer.KEY, scan_buffer.LOCK_KEY)
    with override_settings(QR_SCAN_BUFFER_URL=buffer_url):
        yield client
    client.delete(scan_buffer.KEY, scan_buffer.LOCK_KEY)


def test_trace_views_are_buffered_then_recorded_by_the_drain_task(
    client, buffer, batch, staff_user, producer
):
    # given
    [serial] = services.serials_issue(actor=staff_user, producer=producer, batch=batch, count=1)

    # when
    client.get(f"/trace/01/{GTIN14}/10/{LOT}", HTTP_USER_AGENT="Zalo")
    client.get(f"/trace/01/{GTIN14}/10/{LOT}/21/{serial}")
    buffered = buffer.llen(scan_buffer.KEY)
    drained = drain_scans_task.delay().get()

    # then
    assert (buffered, drained) == (2, 2)
    assert buffer.llen(scan_buffer.KEY) == 0
    assert sorted(Scan.objects.values_list("result", flat=True)) == [
        ScanResult.BATCH,
        ScanResult.GENUINE,
    ]
    assert Scan.objects.get(result=ScanResult.BATCH).user_agent == "Zalo"
    assert SerialCode.objects.get().scan_count == 1


def test_a_second_drain_of_the_same_items_records_nothing_twice(client, buffer, batch):
    # given
    client.get(f"/trace/01/{GTIN14}/10/{LOT}")
    [raw] = buffer.lrange(scan_buffer.KEY, 0, -1)

    # when: a drain that died before trimming leaves its items for the next one
    scan_buffer.scans_drain()
    buffer.rpush(scan_buffer.KEY, raw)
    scan_buffer.scans_drain()

    # then
    assert Scan.objects.count() == 1


def test_a_redis_outage_does_not_break_the_page(client, batch):
    # given
    with override_settings(QR_SCAN_BUFFER_URL="redis://127.0.0.1:1/0"):
        # when
        response = client.get(f"/trace/01/{GTIN14}/10/{LOT}")

    # then
    assert response.status_code == 200
    assert Scan.objects.count() == 0
