"""GS1 EPCIS 2.0 event vocabulary: event types, actions and the CBV 2.0 values we accept.

Lists are the Core Business Vocabulary 2.0 bizStep and disposition terms (bare names, as
EPCIS 2.0 JSON-LD writes them; the context maps them to ``https://ref.gs1.org/cbv/...``).
"""

from __future__ import annotations

from django.db import models


class EventType(models.TextChoices):
    OBJECT = "ObjectEvent", "ObjectEvent"
    TRANSFORMATION = "TransformationEvent", "TransformationEvent"


class Action(models.TextChoices):
    """ObjectEvent only; TransformationEvent has no action."""

    ADD = "ADD", "ADD"
    OBSERVE = "OBSERVE", "OBSERVE"
    DELETE = "DELETE", "DELETE"


BIZ_STEPS: frozenset[str] = frozenset(
    {
        "accepting", "arriving", "assembling", "collecting", "commissioning", "consigning",
        "creating_class_instance", "cycle_counting", "decommissioning", "departing",
        "destroying", "disassembling", "dispensing", "encoding", "entering_exiting",
        "holding", "inspecting", "installing", "killing", "loading", "other", "packing",
        "picking", "receiving", "removing", "repackaging", "repairing", "replacing",
        "reserving", "retail_selling", "sampling", "sensor_reporting", "shipping",
        "staging_outbound", "stock_taking", "stocking", "storing", "transporting",
        "unloading", "unpacking", "void_shipping",
    }
)  # fmt: skip

DISPOSITIONS: frozenset[str] = frozenset(
    {
        "active", "available", "completeness_inferred", "completeness_verified",
        "conformant", "container_closed", "container_open", "damaged", "destroyed",
        "dispensed", "disposed", "encoded", "expired", "in_progress", "in_transit",
        "inactive", "mismatch_instance", "mismatch_class", "mismatch_quantity",
        "needs_replacement", "no_pedigree_match", "non_conformant", "non_sellable_other",
        "partially_dispensed", "recalled", "reserved", "retail_sold", "returned",
        "sellable_accessible", "sellable_not_accessible", "stolen", "unavailable",
        "unknown",
    }
)  # fmt: skip

# Units of measure (UN/ECE Rec 20) a producer may use in quantityList.
UNITS: frozenset[str] = frozenset({"KGM", "GRM", "LTR", "MLT", "H87", "EA"})
