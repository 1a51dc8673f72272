import datetime as dt

import pytest
from django.conf import settings

from qr import services
from qr.label_jobs import label_job_create
from qr.models import Batch, LabelJob, LabelJobStatus, SerialCode, TraceEvent

from .conftest import GTIN14, LOT


def batch_url(producer, batch):
    return f"/trace/manage/{producer.slug}/batches/{batch.pk}/"


def test_anonymous_is_sent_to_sign_in(client, batch, producer):
    # when
    response = client.get(batch_url(producer, batch))

    # then
    assert response.status_code == 302
    assert response["Location"].startswith(settings.LOGIN_URL)


def test_shopper_is_forbidden(client, shopper, batch, producer):
    # given
    client.force_login(shopper)

    # when
    response = client.post(batch_url(producer, batch), {"action": "serials", "count": "5"})

    # then
    assert response.status_code == 403
    assert SerialCode.objects.count() == 0


def test_another_producers_batch_is_404_without_detail(client, staff_user, producer, other_batch):
    # given
    client.force_login(staff_user)

    # when: the batch id is real but belongs to another producer
    response = client.get(batch_url(producer, other_batch))

    # then
    assert response.status_code == 404
    assert other_batch.lot_code.encode() not in response.content


def test_staff_issue_serials_and_see_scan_statistics(client, staff_user, producer, batch):
    # given
    client.force_login(staff_user)

    # when
    response = client.post(batch_url(producer, batch), {"action": "serials", "count": "12"})

    # then
    assert response.status_code == 200
    assert "Đã tạo 12 mã serial." in response.content.decode()
    assert SerialCode.objects.filter(batch=batch).count() == 12


@pytest.mark.parametrize(
    "data",
    [
        {"action": "serials", "count": "999999"},
        {"action": "serials", "count": "abc"},
        {"action": "labels", "total": "999999"},
        {"action": "labels", "total": "10", "columns": "40"},
    ],
)
def test_oversized_requests_are_refused(client, staff_user, producer, batch, data):
    # given
    client.force_login(staff_user)

    # when
    response = client.post(batch_url(producer, batch), data)

    # then
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert SerialCode.objects.count() == 0
    assert LabelJob.objects.count() == 0


def test_label_job_flow_progress_page_and_download(
    client, staff_user, producer, batch, django_capture_on_commit_callbacks
):
    # given
    client.force_login(staff_user)

    # when
    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(
            batch_url(producer, batch),
            {"action": "labels", "total": "30", "columns": "3", "rows": "8"},
        )
    job = LabelJob.objects.get()
    progress = client.get(created["Location"])
    download = client.get(created["Location"] + "pdf")

    # then
    assert job.status == LabelJobStatus.DONE
    assert created.status_code == 302
    assert "<progress" in progress.content.decode()
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_label_job_of_another_producer_is_404(
    client, staff_user, producer, other_producer, other_batch, django_capture_on_commit_callbacks
):
    # given
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        job = label_job_create(
            actor=staff_user, producer=other_producer, batch=other_batch, total=1
        )

    # when
    response = client.get(f"/trace/manage/{producer.slug}/label-jobs/{job.pk}/pdf")

    # then
    assert response.status_code == 404


def test_pending_label_job_page_refreshes_itself(client, staff_user, producer, batch):
    # given
    client.force_login(staff_user)
    job = LabelJob.objects.create(batch=batch, total=10)

    # when
    response = client.get(f"/trace/manage/{producer.slug}/label-jobs/{job.pk}/")

    # then
    assert '<meta http-equiv="refresh"' in response.content.decode()
    assert client.get(f"/trace/manage/{producer.slug}/label-jobs/{job.pk}/pdf").status_code == 404


@pytest.mark.parametrize(
    ("fmt", "content_type", "magic"),
    [("png", "image/png", b"\x89PNG"), ("svg", "image/svg+xml", b"<")],
)
def test_qr_images_for_a_batch_and_a_serial(
    client, staff_user, producer, batch, fmt, content_type, magic
):
    # given
    [serial] = services.serials_issue(actor=staff_user, producer=producer, batch=batch, count=1)

    # when
    lot_image = client.get(f"/trace/qr/{fmt}/01/{GTIN14}/10/{LOT}")
    serial_image = client.get(f"/trace/qr/{fmt}/01/{GTIN14}/10/{LOT}/21/{serial}", {"ec": "Q"})
    unknown = client.get(f"/trace/qr/{fmt}/01/{GTIN14}/10/{LOT}/21/NOTISSUED")
    malformed = client.get(f"/trace/qr/{fmt}/01/{GTIN14}/10/..")

    # then
    assert lot_image.status_code == serial_image.status_code == 200
    assert lot_image["Content-Type"] == content_type
    assert lot_image.content.startswith(magic)
    assert lot_image.content != serial_image.content
    assert unknown.status_code == 404
    assert malformed.status_code == 400


def test_staff_record_a_batch_and_an_event_in_the_workspace(client, staff_user, producer, variant):
    # given
    client.force_login(staff_user)
    url = f"/trace/manage/{producer.slug}/batches/"

    # when
    created = client.post(
        url,
        {
            "variant": variant.pk,
            "lot_code": "L-NEW",
            "production_date": "2026-11-20",
            "best_before_date": "2026-11-27",
            "quantity": "100",
            "unit": "H87",
            "origin_commune_code": "16378",
        },
    )
    batch = Batch.objects.get(lot_code="L-NEW")
    event = client.post(
        created["Location"],
        {
            "action": "event",
            "event-event_type": "ObjectEvent",
            "event-action": "",
            "event-biz_step": "packing",
            "event-disposition": "in_progress",
            "event-event_time": "2026-11-21T09:30",
            "event-description": "Đóng gói",
        },
    )

    # then
    assert created.status_code == 302
    assert batch.gtin == GTIN14
    assert event.status_code == 400  # ObjectEvent without an action
    assert TraceEvent.objects.count() == 0


def test_workspace_event_form_records_an_epcis_event(client, staff_user, producer, batch):
    # given
    client.force_login(staff_user)

    # when
    response = client.post(
        batch_url(producer, batch),
        {
            "action": "event",
            "event-event_type": "TransformationEvent",
            "event-biz_step": "packing",
            "event-event_time": "2026-11-21T09:30",
            "event-quantity": "400",
            "event-description": "Đóng gói",
        },
    )

    # then
    assert response.status_code == 302
    event = TraceEvent.objects.get()
    assert (event.biz_step, event.event_time_zone_offset) == ("packing", "+07:00")


def test_batch_form_shows_service_errors_and_saves_nothing(client, staff_user, producer, variant):
    # given
    client.force_login(staff_user)

    # when
    response = client.post(
        f"/trace/manage/{producer.slug}/batches/",
        {
            "variant": variant.pk,
            "lot_code": "L/1",
            "production_date": "2026-11-20",
            "quantity": "100",
            "unit": "H87",
        },
    )

    # then
    assert response.status_code == 400
    assert "/" in response.content.decode()
    assert Batch.objects.count() == 0


def test_batch_form_refuses_another_producers_variant(client, staff_user, producer, other_variant):
    # given
    client.force_login(staff_user)

    # when
    response = client.post(
        f"/trace/manage/{producer.slug}/batches/",
        {
            "variant": other_variant.pk,
            "lot_code": "L1",
            "production_date": "2026-11-20",
            "quantity": "1",
            "unit": "H87",
        },
    )

    # then
    assert response.status_code == 400
    assert Batch.objects.count() == 0


def test_batch_list_query_count_is_constant(
    client, staff_user, producer, variant, django_assert_max_num_queries
):
    # given
    client.force_login(staff_user)
    for index in range(15):
        services.batch_create(
            actor=staff_user,
            producer=producer,
            variant=variant,
            lot_code=f"L{index}",
            production_date=dt.date(2026, 11, 1),
            quantity=1,
        )

    # when
    with django_assert_max_num_queries(6):
        response = client.get(f"/trace/manage/{producer.slug}/batches/")

    # then
    assert response.status_code == 200
    assert response.content.decode().count("/batches/") >= 15
