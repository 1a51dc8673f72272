"""Read-mostly admin for staff: batches, events and scans are written through qr.services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from qr.models import Batch, LabelJob, Scan, SerialCode, TraceEvent


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows that are history (events, scans) or created by services only."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Batch)
class BatchAdmin(ReadOnlyAdmin):
    list_display = ("lot_code", "gtin", "variant", "producer", "production_date", "quantity")
    list_filter = ("producer",)
    search_fields = ("lot_code", "gtin")
    list_select_related = ("variant", "producer")


@admin.register(TraceEvent)
class TraceEventAdmin(ReadOnlyAdmin):
    list_display = ("batch", "event_type", "biz_step", "disposition", "event_time")
    list_select_related = ("batch",)


@admin.register(SerialCode)
class SerialCodeAdmin(ReadOnlyAdmin):
    list_display = ("serial", "batch", "scan_count", "first_scanned_at", "last_scanned_at")
    search_fields = ("serial",)
    list_select_related = ("batch",)


@admin.register(Scan)
class ScanAdmin(ReadOnlyAdmin):
    list_display = ("scanned_at", "batch", "serial", "result", "user_agent")
    list_filter = ("result",)
    list_select_related = ("batch",)


@admin.register(LabelJob)
class LabelJobAdmin(ReadOnlyAdmin):
    list_display = ("batch", "status", "done", "total", "created_at")
    list_select_related = ("batch",)
