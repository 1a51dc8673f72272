import datetime as dt
import json
from zoneinfo import ZoneInfo

from qr import services
from qr.epcis import EPCIS_CONTEXT

from .conftest import GTIN14, LOT

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def test_epcis_export_is_an_epcis_2_document(client, batch, staff_user, producer):
    # given
    common = {"actor": staff_user, "producer": producer, "batch": batch, "quantity": 400}
    services.trace_event_record(
        **common,
        event_type="ObjectEvent",
        action="ADD",
        biz_step="commissioning",
        disposition="active",
        event_time=dt.datetime(2026, 11, 2, 8, 0, tzinfo=VN),
        read_point="urn:ocop:vn:commune:16378",
        biz_location="urn:ocop:vn:commune:16378",
    )
    services.trace_event_record(
        **common,
        event_type="TransformationEvent",
        biz_step="packing",
        event_time=dt.datetime(2026, 11, 3, 9, 30, tzinfo=VN),
        inputs=[{"epcClass": "urn:ocop:input:pork", "quantity": 50, "uom": "KGM"}],
        ilmd={"cbvmda:lotNumber": LOT},
    )

    # when
    response = client.get(f"/trace/epcis/01/{GTIN14}/10/{LOT}")

    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    document = json.loads(response.content)
    assert document["@context"] == [EPCIS_CONTEXT]
    assert document["type"] == "EPCISDocument"
    assert document["schemaVersion"] == "2.0"
    first, second = document["epcisBody"]["eventList"]
    epc_class = f"http://127.0.0.1:8000/01/{GTIN14}/10/{LOT}"
    assert first["type"] == "ObjectEvent"
    assert first["action"] == "ADD"
    assert first["eventTime"] == "2026-11-02T08:00:00+07:00"
    assert first["eventTimeZoneOffset"] == "+07:00"
    assert first["bizStep"] == "commissioning"
    assert first["disposition"] == "active"
    assert first["readPoint"] == {"id": "urn:ocop:vn:commune:16378"}
    assert first["bizLocation"] == {"id": "urn:ocop:vn:commune:16378"}
    assert first["quantityList"] == [{"epcClass": epc_class, "quantity": 400, "uom": "H87"}]
    assert first["ilmd"]["cbvmda:lotNumber"] == LOT
    assert first["ilmd"]["cbvmda:bestBeforeDate"] == "2026-11-09"
    assert first["eventID"].startswith("urn:uuid:")
    assert second["type"] == "TransformationEvent"
    assert "action" not in second
    assert second["inputQuantityList"] == [
        {"epcClass": "urn:ocop:input:pork", "quantity": 50, "uom": "KGM"}
    ]
    assert second["outputQuantityList"][0]["epcClass"] == epc_class
    assert second["ilmd"]["cbvmda:lotNumber"] == LOT


def test_epcis_export_of_an_unknown_lot_is_404(client, batch):
    # when
    response = client.get(f"/trace/epcis/01/{GTIN14}/10/NOPE")

    # then
    assert response.status_code == 404
