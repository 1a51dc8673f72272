"""Writes for traceability: batches, trace events, platform identifiers, serials, scans.

Every write that a producer makes takes the acting user and the producer acted for and
checks access through ``qr.selectors.producer_check_access``. Label jobs: qr.labels_service.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.accounts import vn_units
from backend.catalog.models import ProductVariant
from backend.core.errors import NotFound
from producers.models import Producer
from qr import events, serials
from qr.cbv import BIZ_STEPS, DISPOSITIONS, UNITS, Action, EventType
from qr.error_codes import QrErrorCode
from qr.gs1 import GS1Error, build_digital_link, normalize_gtin, platform_gtin
from qr.models import Batch, PlatformIdentifier, Scan, ScanResult, SerialCode, TraceEvent
from qr.selectors import producer_check_access

logger = logging.getLogger("qr")


def _invalid(field: str, message: Any, code: QrErrorCode, **params: Any) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code.value, params=params)})


def variant_gtin(variant: ProductVariant) -> str:
    """The GTIN-14 for ``variant``: its own GTIN, else its platform identifier (assigned on
    first use from ``settings.QR_PLATFORM_GTIN_PREFIX``; see ``qr.gs1.platform_gtin``)."""
    if variant.gtin:
        try:
            return normalize_gtin(variant.gtin)
        except GS1Error as error:
            raise _invalid("variant", str(error), QrErrorCode.INVALID_GTIN) from error
    existing = PlatformIdentifier.objects.filter(variant=variant).first()
    if existing:
        return normalize_gtin(existing.gtin)
    with transaction.atomic():
        identifier = PlatformIdentifier.objects.create(variant=variant, gtin=f"p{variant.pk}")
        identifier.gtin = platform_gtin(
            company_prefix=settings.QR_PLATFORM_GTIN_PREFIX, item_reference=identifier.pk
        )
        identifier.save(update_fields=["gtin"])
    return normalize_gtin(identifier.gtin)


def _check_lot(gtin: str, lot_code: str) -> None:
    try:
        build_digital_link(base_url=settings.PUBLIC_URL, gtin=gtin, lot=lot_code)
    except GS1Error as error:
        raise _invalid("lot_code", str(error), QrErrorCode.INVALID_LOT) from error


def _check_batch_fields(
    *,
    production_date: dt.date,
    best_before_date: dt.date | None,
    expiry_date: dt.date | None,
    quantity: int,
    unit: str,
    origin_commune_code: str,
) -> None:
    for name, value in (("best_before_date", best_before_date), ("expiry_date", expiry_date)):
        if value is not None and value < production_date:
            raise _invalid(name, _("Ngày này phải sau ngày sản xuất."), QrErrorCode.INVALID_DATES)
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        raise _invalid("quantity", _("Số lượng phải là số nguyên dương."), QrErrorCode.INVALID)
    if unit not in UNITS:
        raise _invalid("unit", _("Đơn vị tính không hợp lệ."), QrErrorCode.INVALID_UNIT)
    if origin_commune_code and vn_units.ward_by_code(origin_commune_code) is None:
        raise _invalid(
            "origin_commune_code",
            _("Mã xã %(commune)s không tồn tại."),
            QrErrorCode.INVALID_COMMUNE,
            commune=origin_commune_code,
        )


@transaction.atomic
def batch_create(
    *,
    actor: Any,
    producer: Producer,
    variant: ProductVariant,
    lot_code: str,
    production_date: dt.date,
    quantity: int,
    best_before_date: dt.date | None = None,
    expiry_date: dt.date | None = None,
    unit: str = "H87",
    origin_commune_code: str = "",
    origin_area: str = "",
    notes: str = "",
) -> Batch:
    """Create a batch of one of ``producer``'s variants. The lot code must be a valid GS1
    AI 10 value and unique for the variant's GTIN; dates must not precede production."""
    producer_check_access(actor=actor, producer=producer)
    if variant.product.producer_id != producer.pk:
        raise NotFound("Variant not found.", field="variant")
    gtin = variant_gtin(variant)
    _check_lot(gtin, lot_code)
    _check_batch_fields(
        production_date=production_date,
        best_before_date=best_before_date,
        expiry_date=expiry_date,
        quantity=quantity,
        unit=unit,
        origin_commune_code=origin_commune_code,
    )
    if Batch.objects.filter(gtin=gtin, lot_code=lot_code).exists():
        raise _invalid("lot_code", _("Số lô này đã tồn tại."), QrErrorCode.UNIQUE)
    batch = Batch.objects.create(
        producer=producer,
        variant=variant,
        gtin=gtin,
        lot_code=lot_code,
        production_date=production_date,
        best_before_date=best_before_date,
        expiry_date=expiry_date,
        quantity=quantity,
        unit=unit,
        origin_commune_code=origin_commune_code,
        origin_area=origin_area[:255],
        notes=notes,
    )
    events.batch_history_add(batch=batch, type=events.BATCH_CREATED, actor=actor)
    return batch


BATCH_EDITABLE_FIELDS = frozenset(
    {"best_before_date", "expiry_date", "quantity", "origin_commune_code", "origin_area", "notes"}
)


@transaction.atomic
def batch_update(*, actor: Any, producer: Producer, batch: Batch, **changes: Any) -> Batch:
    """Change a batch's editable fields (not its variant, GTIN, lot or production date:
    labels carrying them may already be printed)."""
    producer_check_access(actor=actor, producer=producer)
    if batch.producer_id != producer.pk:
        raise NotFound("Batch not found.", field="batch")
    unknown = set(changes) - BATCH_EDITABLE_FIELDS
    if unknown:
        raise _invalid(sorted(unknown)[0], _("Không thể sửa trường này."), QrErrorCode.INVALID)
    merged = {name: getattr(batch, name) for name in BATCH_EDITABLE_FIELDS} | changes
    _check_batch_fields(
        production_date=batch.production_date,
        best_before_date=merged["best_before_date"],
        expiry_date=merged["expiry_date"],
        quantity=merged["quantity"],
        unit=batch.unit,
        origin_commune_code=merged["origin_commune_code"],
    )
    for name, value in changes.items():
        setattr(batch, name, value)
    batch.save(update_fields=[*changes, "updated_at"])
    events.batch_history_add(
        batch=batch, type=events.BATCH_UPDATED, actor=actor, payload={"fields": sorted(changes)}
    )
    return batch


_URI_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[!-~]+")


def _offset(moment: dt.datetime) -> str:
    raw = moment.strftime("%z")
    return f"{raw[:3]}:{raw[3:]}"


@transaction.atomic
def trace_event_record(
    *,
    actor: Any,
    producer: Producer,
    batch: Batch,
    event_type: str,
    biz_step: str,
    event_time: dt.datetime,
    action: str = "",
    disposition: str = "",
    read_point: str = "",
    biz_location: str = "",
    quantity: int | None = None,
    inputs: Iterable[dict[str, Any]] = (),
    ilmd: dict[str, Any] | None = None,
    description: str = "",
) -> TraceEvent:
    """Append an EPCIS 2.0 event to a batch. ``event_time`` must be time-zone aware (its
    offset is kept as ``eventTimeZoneOffset``); bizStep and disposition must be CBV terms;
    ObjectEvents need an action, TransformationEvents must not have one."""
    producer_check_access(actor=actor, producer=producer)
    if batch.producer_id != producer.pk:
        raise NotFound("Batch not found.", field="batch")
    if event_type not in EventType.values:
        raise _invalid("event_type", _("Loại sự kiện không hợp lệ."), QrErrorCode.INVALID_EVENT)
    if event_type == EventType.OBJECT and action not in Action.values:
        raise _invalid("action", _("Sự kiện ObjectEvent cần action."), QrErrorCode.INVALID_EVENT)
    if event_type == EventType.TRANSFORMATION and action:
        raise _invalid(
            "action", _("TransformationEvent không có action."), QrErrorCode.INVALID_EVENT
        )
    if biz_step not in BIZ_STEPS:
        raise _invalid("biz_step", _("bizStep không thuộc CBV."), QrErrorCode.INVALID_BIZ_STEP)
    if disposition and disposition not in DISPOSITIONS:
        raise _invalid(
            "disposition", _("disposition không thuộc CBV."), QrErrorCode.INVALID_DISPOSITION
        )
    if timezone.is_naive(event_time):
        raise _invalid("event_time", _("Thời điểm phải có múi giờ."), QrErrorCode.INVALID_EVENT)
    if quantity is not None and (isinstance(quantity, bool) or quantity < 0):
        raise _invalid("quantity", _("Số lượng phải là số nguyên dương."), QrErrorCode.INVALID)
    for name, value in (("read_point", read_point), ("biz_location", biz_location)):
        if value and (len(value) > 255 or not _URI_RE.fullmatch(value)):
            raise _invalid(
                name, _("Phải là một URI (urn:... hoặc https://...)."), QrErrorCode.INVALID
            )
    input_list = [_clean_input(item) for item in inputs]
    if input_list and event_type != EventType.TRANSFORMATION:
        raise _invalid("inputs", _("Chỉ TransformationEvent có đầu vào."), QrErrorCode.INVALID)
    event = TraceEvent.objects.create(
        batch=batch,
        event_type=event_type,
        action=action,
        event_time=event_time,
        event_time_zone_offset=_offset(event_time),
        biz_step=biz_step,
        disposition=disposition,
        read_point=read_point[:255],
        biz_location=biz_location[:255],
        quantity=quantity,
        inputs=input_list,
        ilmd=ilmd or {},
        description=description[:255],
        created_by=actor if actor.is_authenticated else None,
    )
    events.batch_history_add(
        batch=batch, type=events.TRACE_EVENT_RECORDED, actor=actor, payload={"event": event.pk}
    )
    return event


def _clean_input(item: dict[str, Any]) -> dict[str, Any]:
    epc_class, quantity, uom = item.get("epcClass"), item.get("quantity"), item.get("uom")
    if (
        not isinstance(epc_class, str)
        or not epc_class
        or len(epc_class) > 255
        or isinstance(quantity, bool)
        or not isinstance(quantity, int | float)
        or quantity <= 0
        or uom not in UNITS
    ):
        raise _invalid("inputs", _("Đầu vào không hợp lệ."), QrErrorCode.INVALID)
    return {"epcClass": epc_class, "quantity": quantity, "uom": uom}


def serials_issue(*, actor: Any, producer: Producer, batch: Batch, count: int) -> list[str]:
    """Issue ``count`` new signed serials for the batch (see ``qr.serials``) and return them.
    At most ``settings.QR_MAX_SERIALS_PER_REQUEST`` per call."""
    producer_check_access(actor=actor, producer=producer)
    if batch.producer_id != producer.pk:
        raise NotFound("Batch not found.", field="batch")
    limit = settings.QR_MAX_SERIALS_PER_REQUEST
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= limit:
        raise _invalid(
            "count",
            _("Số mã phải từ 1 đến %(limit)s."),
            QrErrorCode.TOO_MANY_SERIALS,
            limit=limit,
        )
    codes = [serials.new_serial(gtin=batch.gtin, lot=batch.lot_code) for _ in range(count)]
    with transaction.atomic():
        SerialCode.objects.bulk_create(
            [SerialCode(batch=batch, serial=code) for code in codes], batch_size=2000
        )
        events.batch_history_add(
            batch=batch, type=events.SERIALS_ISSUED, actor=actor, payload={"count": count}
        )
    return codes


def scan_record(
    *, token: str, batch_id: int, serial: str, user_agent: str, scanned_at: dt.datetime
) -> Scan | None:
    """Record one trace-page view. Idempotent on ``token`` (task retries add nothing);
    a serial's counters are updated in the same transaction. None if the batch is gone."""
    batch = Batch.objects.filter(pk=batch_id).first()
    if batch is None:
        return None
    with transaction.atomic():
        code = (
            SerialCode.objects.select_for_update().filter(batch=batch, serial=serial).first()
            if serial
            else None
        )
        if not serial:
            result = ScanResult.BATCH
        elif code is not None:
            result = ScanResult.GENUINE
        elif serials.serial_is_signed(serial, gtin=batch.gtin, lot=batch.lot_code):
            result = ScanResult.UNKNOWN
        else:
            result = ScanResult.FORGED
        try:
            with transaction.atomic():
                scan = Scan.objects.create(
                    token=token,
                    batch=batch,
                    serial_code=code,
                    serial=serial[:20],
                    result=result,
                    scanned_at=scanned_at,
                    user_agent=user_agent[:255],
                )
        except IntegrityError:
            return Scan.objects.get(token=token)
        if code is not None:
            SerialCode.objects.filter(pk=code.pk).update(
                scan_count=F("scan_count") + 1,
                first_scanned_at=Coalesce("first_scanned_at", Value(scanned_at)),
                last_scanned_at=scanned_at,
            )
    return scan
