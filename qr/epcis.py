"""Export a batch's trace events as a GS1 EPCIS 2.0 JSON-LD ``EPCISDocument``.

Identifiers are GS1 Digital Link URIs on this site (EPCIS 2.0 accepts them in place of
URNs): the batch is a lot-level class (``quantityList.epcClass``), not individual EPCs.
Lot master data (lot number, dates, origin) goes in ``ilmd`` of the events that create
the lot: TransformationEvents and ObjectEvents with action ADD.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.conf import settings
from django.utils import timezone

from qr.cbv import Action, EventType
from qr.gs1 import build_digital_link
from qr.models import Batch, TraceEvent

EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"
EVENT_ID_NAMESPACE = uuid.UUID("9b0c7e8e-5b8f-4a70-9d0b-6f0f3c2f1a11")


def batch_epc_class(batch: Batch) -> str:
    return build_digital_link(base_url=settings.PUBLIC_URL, gtin=batch.gtin, lot=batch.lot_code)


def _lot_ilmd(batch: Batch) -> dict[str, Any]:
    ilmd: dict[str, Any] = {"cbvmda:lotNumber": batch.lot_code, "cbvmda:countryOfOrigin": "VN"}
    if batch.best_before_date:
        ilmd["cbvmda:bestBeforeDate"] = batch.best_before_date.isoformat()
    if batch.expiry_date:
        ilmd["cbvmda:itemExpirationDate"] = batch.expiry_date.isoformat()
    if batch.origin_commune_code:
        ilmd["cbvmda:farmList"] = [{"cbvmda:farmID": batch.origin_commune_code}]
    return ilmd


def _event_time(event: TraceEvent) -> str:
    sign = -1 if event.event_time_zone_offset.startswith("-") else 1
    hours, minutes = event.event_time_zone_offset[1:].split(":")
    zone = dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes)))
    return event.event_time.astimezone(zone).isoformat()


def event_to_epcis(event: TraceEvent, *, batch: Batch, epc_class: str) -> dict[str, Any]:
    """One event as an EPCIS 2.0 JSON-LD event object."""
    data: dict[str, Any] = {
        "type": event.event_type,
        "eventID": "urn:uuid:"
        + str(uuid.uuid5(EVENT_ID_NAMESPACE, f"{settings.PUBLIC_URL}/{event.pk}")),
        "eventTime": _event_time(event),
        "eventTimeZoneOffset": event.event_time_zone_offset,
    }
    quantity = [{"epcClass": epc_class, "quantity": event.quantity, "uom": batch.unit}]
    creates_lot = event.event_type == EventType.TRANSFORMATION or event.action == Action.ADD
    if event.event_type == EventType.OBJECT:
        data["action"] = event.action
        data["epcList"] = []
        if event.quantity is not None:
            data["quantityList"] = quantity
    else:
        data["inputQuantityList"] = list(event.inputs)
        if event.quantity is not None:
            data["outputQuantityList"] = quantity
    data["bizStep"] = event.biz_step
    if event.disposition:
        data["disposition"] = event.disposition
    if event.read_point:
        data["readPoint"] = {"id": event.read_point}
    if event.biz_location:
        data["bizLocation"] = {"id": event.biz_location}
    if creates_lot:
        data["ilmd"] = _lot_ilmd(batch) | event.ilmd
    return data


def batch_epcis_document(batch: Batch, events: list[TraceEvent]) -> dict[str, Any]:
    """The EPCISDocument for one batch, events in time order."""
    epc_class = batch_epc_class(batch)
    return {
        "@context": [EPCIS_CONTEXT],
        "type": "EPCISDocument",
        "schemaVersion": "2.0",
        "creationDate": timezone.now().isoformat(),
        "epcisBody": {
            "eventList": [
                event_to_epcis(event, batch=batch, epc_class=epc_class) for event in events
            ]
        },
    }
