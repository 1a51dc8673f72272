"""Bulk product import: start (store the file, queue the task) and run (check every row,
then create everything in one transaction or nothing). Writes go through the catalogue
services, so search indexing and catalogue events happen as for single edits."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from backend.catalog import services as catalog
from backend.catalog.access import producer_for_write
from backend.catalog.models import ProductType
from backend.channels.selectors import channel_default
from backend.core.errors import DomainError
from producers import imports
from producers.models import ImportStatus, ProductImport

PROGRESS_EVERY = 25


def product_import_start(
    *, actor: Any, producer_id: int, file_name: str, content: bytes
) -> ProductImport:
    """Store an uploaded file for import by the producer's members (or staff)."""
    producer = producer_for_write(actor=actor, producer_id=producer_id)
    if len(content) > imports.MAX_IMPORT_BYTES:
        raise DomainError("FILE_TOO_LARGE", _("Tệp quá lớn (tối đa 2 MB)."), field="file")
    if not file_name.lower().endswith((".csv", ".xlsx")):
        raise DomainError(
            "INVALID_FILE_TYPE", _("Chỉ nhận tệp CSV (UTF-8) hoặc Excel (.xlsx)."), field="file"
        )
    job = ProductImport.objects.unscoped().create(
        producer=producer, created_by=actor, file_name=file_name[:255], content=content
    )
    from producers.tasks import run_product_import

    transaction.on_commit(lambda: run_product_import.delay(job.pk))
    return job


def _fail(job: ProductImport, errors: list[dict[str, Any]]) -> ProductImport:
    job.status = ImportStatus.FAILED
    job.errors = errors
    job.save(update_fields=["status", "errors", "updated_at"])
    return job


def _progress(job: ProductImport, **fields: Any) -> None:
    for key, value in fields.items():
        setattr(job, key, value)
    job.save(update_fields=[*fields, "updated_at"])


def product_import_run(*, import_id: int) -> ProductImport:
    """Idempotent: only a PENDING import runs (a retried task finds it already taken)."""
    with transaction.atomic():
        job = (
            ProductImport.objects.unscoped()
            .select_for_update(of=("self",))
            .select_related("producer", "created_by")
            .get(pk=import_id)
        )
        if job.status != ImportStatus.PENDING:
            return job
        _progress(job, status=ImportStatus.VALIDATING)
    try:
        rows, errors = imports.read_rows(job.file_name, bytes(job.content))
    except imports.ImportFileError as exc:
        return _fail(job, [imports.error(0, "", str(exc))])
    _progress(job, total_rows=len(rows))
    products, row_errors = imports.validate(job.producer, rows)
    errors += row_errors
    _progress(job, processed_rows=len(rows))
    if errors:
        return _fail(job, sorted(errors, key=lambda e: (e["row"], e["column"])))
    if not products:
        return _fail(job, [imports.error(0, "", _("Tệp không có dòng sản phẩm nào."))])
    _progress(job, status=ImportStatus.IMPORTING)
    try:
        with transaction.atomic():
            created = _create_all(job, products)
    except DomainError as exc:
        return _fail(job, [imports.error(0, "", str(exc.message))])
    except ValidationError as exc:
        return _fail(job, [imports.error(0, "", " ".join(exc.messages))])
    _progress(job, status=ImportStatus.DONE, created_products=created)
    return job


def _create_all(job: ProductImport, products: list[imports.ProductRows]) -> int:
    actor = job.created_by
    product_type = ProductType.objects.order_by("pk").first()
    if product_type is None:
        raise DomainError("INVALID", _("Chưa có loại sản phẩm nào trên sàn."))
    channel = channel_default()
    for item in products:
        description = (
            {"blocks": [{"type": "paragraph", "data": {"text": item.description}}]}
            if item.description
            else None
        )
        product = catalog.product_create(
            actor=actor,
            producer_id=job.producer_id,
            product_type_id=product_type.pk,
            data={"name": item.name, "description": description},
        )
        catalog.product_channel_listing_update(
            actor=actor,
            product_id=product.pk,
            update_channels=[{"channel_id": channel.pk, "is_published": False}],
            remove_channel_ids=[],
        )
        for row in item.variants:
            stocks = (
                [{"warehouse_id": row.warehouse_id, "quantity": row.quantity}]
                if row.warehouse_id is not None
                else []
            )
            variant = catalog.product_variant_create(
                actor=actor,
                product_id=product.pk,
                data={"sku": row.sku, "name": row.name, "gtin": row.gtin},
                stocks=stocks,
            )
            catalog.product_variant_channel_listing_update(
                actor=actor,
                variant_id=variant.pk,
                listings=[{"channel_id": channel.pk, "price": row.price}],
            )
    return len(products)
