import time

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from backend.core.errors import NotFound, PermissionDenied
from qr import label_jobs, services
from qr.labels import LabelData, render_label_sheet
from qr.models import LabelJob, LabelJobStatus


def create_job(django_capture_on_commit_callbacks, **arguments):
    with django_capture_on_commit_callbacks(execute=True):
        job = label_jobs.label_job_create(**arguments)
    job.refresh_from_db()
    return job


def test_label_job_renders_a_pdf_with_progress(
    batch, staff_user, producer, django_capture_on_commit_callbacks
):
    # when
    job = create_job(
        django_capture_on_commit_callbacks,
        actor=staff_user,
        producer=producer,
        batch=batch,
        total=50,
        columns=3,
        rows=8,
    )

    # then
    assert job.status == LabelJobStatus.DONE
    assert (job.done, job.total, job.percent) == (50, 50, 100)
    with job.file.open("rb") as handle:
        pdf = handle.read()
    assert pdf.startswith(b"%PDF")
    assert b"/Count 3" in pdf  # 50 labels, 24 a page


def test_label_job_with_serials_needs_enough_serials(
    batch, staff_user, producer, django_capture_on_commit_callbacks
):
    # given
    services.serials_issue(actor=staff_user, producer=producer, batch=batch, count=5)

    # when
    with pytest.raises(ValidationError) as error:
        label_jobs.label_job_create(
            actor=staff_user, producer=producer, batch=batch, total=6, use_serials=True
        )
    job = create_job(
        django_capture_on_commit_callbacks,
        actor=staff_user,
        producer=producer,
        batch=batch,
        total=5,
        use_serials=True,
    )

    # then
    assert error.value.error_dict["total"][0].code == "NO_SERIALS"
    assert job.status == LabelJobStatus.DONE
    assert LabelJob.objects.count() == 1


@override_settings(QR_MAX_LABELS_PER_JOB=100)
@pytest.mark.parametrize(
    ("arguments", "field", "code"),
    [
        ({"total": 101}, "total", "TOO_MANY_LABELS"),
        ({"total": 0}, "total", "TOO_MANY_LABELS"),
        ({"total": 10, "columns": 7}, "columns", "INVALID_GRID"),
        ({"total": 10, "rows": 0}, "columns", "INVALID_GRID"),
    ],
)
def test_label_job_limits(batch, staff_user, producer, arguments, field, code):
    # when
    with pytest.raises(ValidationError) as error:
        label_jobs.label_job_create(actor=staff_user, producer=producer, batch=batch, **arguments)

    # then
    assert error.value.error_dict[field][0].code == code
    assert LabelJob.objects.count() == 0


def test_label_job_scoping(batch, other_batch, staff_user, shopper, producer):
    # when / then
    with pytest.raises(NotFound):
        label_jobs.label_job_create(actor=staff_user, producer=producer, batch=other_batch, total=1)
    with pytest.raises(PermissionDenied):
        label_jobs.label_job_create(actor=shopper, producer=producer, batch=batch, total=1)
    assert LabelJob.objects.count() == 0


def test_label_job_run_is_idempotent(
    batch, staff_user, producer, django_capture_on_commit_callbacks
):
    # given
    job = create_job(
        django_capture_on_commit_callbacks,
        actor=staff_user,
        producer=producer,
        batch=batch,
        total=3,
    )

    # when
    again = label_jobs.label_job_run(job_id=job.pk)

    # then
    assert again is not None
    assert again.file.name == job.file.name


def label(index: int, serial: bool) -> LabelData:
    code = f"S{index:019d}" if serial else ""
    return LabelData(
        url="https://ocop.example/01/08931234567897/10/L1" + (f"/21/{code}" if serial else ""),
        product_name="Mắm tép chưng thịt Hoằng Hóa loại đặc biệt hũ thủy tinh 500 g",
        lot="L1",
        produced="02/11/2026",
        best_before="02/05/2027",
        stars=4,
        serial=code,
    )


def test_ten_thousand_lot_labels_render_with_progress():
    # given
    seen: list[int] = []

    # when
    started = time.perf_counter()
    pdf = render_label_sheet(
        (label(index, False) for index in range(10_000)), columns=3, rows=8, progress=seen.append
    )
    elapsed = time.perf_counter() - started

    # then: 417 pages, one embedded QR image
    assert pdf.startswith(b"%PDF")
    assert b"/Count 417" in pdf
    assert seen[:2] == [200, 400]
    assert seen[-1] == 10_000
    assert elapsed < 120


def test_serial_labels_each_carry_their_own_code():
    # when
    pdf = render_label_sheet((label(index, True) for index in range(30)), columns=3, rows=8)

    # then: two pages, 30 distinct QR images
    assert b"/Count 2" in pdf
    assert pdf.count(b"/Subtype /Image") == 30
