from django import forms
from django.contrib import admin

from backend.webhooks.models import Webhook, WebhookDelivery, WebhookEvent
from backend.webhooks.targets import target_url_check


class WebhookAdminForm(forms.ModelForm):
    target_url = forms.URLField(
        label=Webhook._meta.get_field("target_url").verbose_name,
        max_length=2048,
        assume_scheme="https",
    )

    class Meta:
        model = Webhook
        fields = ["name", "target_url", "secret_key", "events", "is_active"]

    def clean_target_url(self) -> str:
        """The same SSRF rules as the webhook mutations (delivery checks again)."""
        url: str = self.cleaned_data["target_url"]
        target_url_check(url)
        return url


@admin.register(Webhook)
class WebhookAdmin(admin.ModelAdmin):
    form = WebhookAdminForm
    list_display = ["name", "target_url", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "target_url"]


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
