from django.contrib import admin
from django.db import models

from backend.webhooks.models import Webhook, WebhookDelivery, WebhookEvent


@admin.register(Webhook)
class WebhookAdmin(admin.ModelAdmin):
    list_display = ["name", "target_url", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "target_url"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class WebhookDeliveryInline(admin.TabularInline):
    model = WebhookDelivery
    extra = 0
    can_delete = False
    readonly_fields = [
        "attempted_at",
        "success",
        "status_code",
        "duration_ms",
        "response_excerpt",
        "error",
    ]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(WebhookEvent)
class WebhookEventAdmin(admin.ModelAdmin):
    list_display = ["event_type", "webhook", "status", "attempts", "next_attempt_at", "created_at"]
    list_filter = ["status", "event_type"]
    list_select_related = ["webhook"]
    readonly_fields = [
        "webhook",
        "event_type",
        "payload",
        "created_at",
        "status",
        "attempts",
        "next_attempt_at",
        "delivered_at",
    ]
    inlines = [WebhookDeliveryInline]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ["event", "attempted_at", "success", "status_code", "duration_ms"]
    list_filter = ["success"]
    list_select_related = ["event", "event__webhook"]
    readonly_fields = [*WebhookDeliveryInline.readonly_fields, "event"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
