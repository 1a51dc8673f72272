"""Bulk product import: every row checked first, errors by row and column, all or nothing."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from backend.catalog.models import Product, ProductChannelListing, ProductVariant
from backend.core.errors import DomainError, NotFound, PermissionDenied
from backend.inventory.models import Stock
from producers import import_services, imports
from producers.models import ImportStatus, ProductImport
from tests.backend.graphql.catalog.mutations.helpers import world
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

HEADER = "ten_san_pham,mo_ta,sku,ten_bien_the,gia,ton_kho,ma_kho,gtin\n"


def csv_bytes(*lines: str) -> bytes:
    return (HEADER + "".join(f"{line}\n" for line in lines)).encode()


def xlsx_bytes(rows: list[list[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.strip().split(","))
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def run(actor: Any, producer: Any, name: str, content: bytes, capture: Any) -> ProductImport:
    with capture(execute=True):
        job = import_services.product_import_start(
            actor=actor, producer_id=producer.pk, file_name=name, content=content
        )
    job.refresh_from_db()
    return job


def test_valid_csv_imports_every_product_with_variants_prices_and_stock(
    member_a: Any, producer_a: Any, producer_b: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    w = world(producer_a, producer_b)
    content = csv_bytes(
        "Chè lam,Ngọt bùi,CHE-1,Hộp 200 g,35000,12,,",
        "Chè lam,,CHE-2,Hộp 500 g,80.000,3,,",
        "Bánh gai,,GAI-1,,50000,,,",
    )

    # when
    job = run(member_a, producer_a, "hang.csv", content, django_capture_on_commit_callbacks)

    # then
    assert (job.status, job.errors, job.created_products) == (ImportStatus.DONE, [], 2)
    assert job.percent == 100 and job.processed_rows == 3
    che = Product.objects.get(name="Chè lam", producer=producer_a)
    assert sorted(che.variants.values_list("sku", flat=True)) == ["CHE-1", "CHE-2"]
    assert che.variants.get(sku="CHE-2").channel_listings.get().price_amount == 80_000
    assert Stock.objects.get(product_variant__sku="CHE-1", warehouse=w.warehouse_a).quantity == 12
    assert not ProductChannelListing.objects.get(product=che).is_published


def test_errors_are_reported_by_row_and_column_and_nothing_is_written(
    member_a: Any, producer_a: Any, producer_b: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    w = world(producer_a, producer_b)
    before = (Product.objects.count(), ProductVariant.objects.count())
    content = csv_bytes(
        "Chè lam,,CHE-1,,35000,1,,",
        ",,CHE-2,,0,1,,",
        f"Nem,,{w.variant_a.sku},,1500.5,-3,{w.warehouse_b.slug},123",
        "Giò,,GIO-1,,1000,1,,,thừa",
    )

    # when
    job = run(member_a, producer_a, "loi.csv", content, django_capture_on_commit_callbacks)

    # then
    assert job.status == ImportStatus.FAILED
    assert [(e["row"], e["column"]) for e in job.errors] == [
        (3, "gia"),
        (3, "ten_san_pham"),
        (4, "gia"),
        (4, "gtin"),
        (4, "ma_kho"),
        (4, "sku"),
        (4, "ton_kho"),
        (5, ""),
    ]
    messages = {(e["row"], e["column"]): e["message"] for e in job.errors}
    assert messages[(3, "ten_san_pham")] == "Ô này không được để trống."
    assert messages[(4, "ma_kho")] == "Không tìm thấy kho hàng này."
    assert (Product.objects.count(), ProductVariant.objects.count()) == before


def test_xlsx_imports_and_formulas_are_refused(
    member_a: Any, producer_a: Any, producer_b: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    world(producer_a, producer_b)
    good = xlsx_bytes([["Mật ong", "", "MAT-1", "Chai 500 ml", 120000, 4, None, None]])
    formula = xlsx_bytes([["Mật ong", "", "MAT-2", "", "=100*1000", 4, None, None]])

    # when
    imported = run(member_a, producer_a, "tot.xlsx", good, django_capture_on_commit_callbacks)
    refused = run(
        member_a, producer_a, "cong-thuc.xlsx", formula, django_capture_on_commit_callbacks
    )

    # then
    assert imported.status == ImportStatus.DONE
    assert ProductVariant.objects.get(sku="MAT-1").channel_listings.get().price_amount == 120000
    assert refused.status == ImportStatus.FAILED
    assert {(e["row"], e["column"]) for e in refused.errors} == {(2, "gia")}
    assert any("công thức" in e["message"] for e in refused.errors)
    assert not ProductVariant.objects.filter(sku="MAT-2").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("hang.xlsx", b"PK\x03\x04 not really a zip", "Không đọc được tệp Excel."),
        ("hang.csv", b"ten,gia\nx,1\n", "Thiếu cột bắt buộc: ten_san_pham, sku."),
        ("hang.csv", b"\xff\xfe\x00bad", "Tệp CSV phải dùng bảng mã UTF-8."),
        ("hang.csv", xlsx_bytes([]), "Chỉ nhận tệp CSV (UTF-8) hoặc Excel (.xlsx)."),
        (
            "hang.csv",
            csv_bytes(*[f"SP {i},,S-{i},,1000,,," for i in range(1001)]),
            "Tệp có quá nhiều dòng (tối đa 1000 sản phẩm).",
        ),
    ],
)
def test_unreadable_files_fail_with_a_clear_message(
    member_a: Any,
    producer_a: Any,
    producer_b: Any,
    django_capture_on_commit_callbacks: Any,
    name: str,
    content: bytes,
    message: str,
) -> None:
    # given
    world(producer_a, producer_b)
    before = Product.objects.count()

    # when
    job = run(member_a, producer_a, name, content, django_capture_on_commit_callbacks)

    # then
    assert job.status == ImportStatus.FAILED
    assert job.errors == [{"row": 0, "column": "", "message": message}]
    assert Product.objects.count() == before


def test_oversized_files_and_other_producers_are_refused_at_upload(
    member_a: Any, member_b: Any, shopper: Any, producer_a: Any, producer_b: Any
) -> None:
    # given
    world(producer_a, producer_b)
    big = b"x" * (imports.MAX_IMPORT_BYTES + 1)

    # when / then
    with pytest.raises(DomainError) as error:
        import_services.product_import_start(
            actor=member_a, producer_id=producer_a.pk, file_name="to.csv", content=big
        )
    assert error.value.code == "FILE_TOO_LARGE"
    with pytest.raises(NotFound):
        import_services.product_import_start(
            actor=member_b, producer_id=producer_a.pk, file_name="a.csv", content=csv_bytes()
        )
    with pytest.raises(PermissionDenied):
        import_services.product_import_start(
            actor=shopper, producer_id=producer_a.pk, file_name="a.csv", content=csv_bytes()
        )
    assert ProductImport.objects.unscoped().count() == 0


def test_a_finished_import_does_not_run_twice(
    member_a: Any, producer_a: Any, producer_b: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    world(producer_a, producer_b)
    job = run(
        member_a,
        producer_a,
        "a.csv",
        csv_bytes("Chè,,CHE-9,,1000,,,"),
        django_capture_on_commit_callbacks,
    )

    # when
    again = import_services.product_import_run(import_id=job.pk)

    # then
    assert again.status == ImportStatus.DONE
    assert ProductVariant.objects.filter(sku="CHE-9").count() == 1


EXPECTED = {
    "anonymous": 302,
    "shopper": 404,
    "official": 404,
    "member_a": 200,
    "member_b": 404,
    "staff": 200,
}


@pytest.mark.parametrize("actor", list(EXPECTED))
def test_import_pages_matrix(
    actors: Any,
    producer_a: Any,
    producer_b: Any,
    member_a: Any,
    actor: str,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given
    world(producer_a, producer_b)
    job = run(
        member_a,
        producer_a,
        "a.csv",
        csv_bytes("Chè,,CHE-7,,1000,,,"),
        django_capture_on_commit_callbacks,
    )
    slug = producer_a.slug
    client = client_for(actors[actor])

    # when
    pages = [
        client.get(reverse("producers:workspace-import-start", kwargs={"slug": slug})),
        client.get(reverse("producers:workspace-import", kwargs={"slug": slug, "pk": job.pk})),
        client.get(
            reverse("producers:workspace-import-template", kwargs={"slug": slug, "fmt": "xlsx"})
        ),
    ]

    # then
    assert [page.status_code for page in pages] == [EXPECTED[actor]] * 3
    if EXPECTED[actor] == 200:
        sheet = load_workbook(io.BytesIO(pages[2].content)).active
        assert [cell.value for cell in sheet[1]] == list(imports.COLUMNS)
        assert "Hoàn tất" in pages[1].content.decode()


def test_upload_page_queues_the_import_and_shows_progress_then_errors(
    member_a: Any, producer_a: Any, producer_b: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    world(producer_a, producer_b)
    client = client_for(member_a)
    upload = SimpleUploadedFile("loi.csv", csv_bytes(",,X-1,,abc,,,"), content_type="text/csv")

    # when
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(
            reverse("producers:workspace-import-start", kwargs={"slug": producer_a.slug}),
            {"file": upload},
        )
    pending = client.get(response["Location"]).content.decode()
    for callback in callbacks:
        callback()
    finished = client.get(response["Location"]).content.decode()

    # then
    assert response.status_code == 302
    assert 'http-equiv="refresh"' in pending
    assert 'http-equiv="refresh"' not in finished
    assert "Giá phải là số nguyên đồng lớn hơn 0." in finished
    assert "<td>2</td><td>gia</td>" in finished
