"""Staff see flagged bank notices in the admin; they settle them through the API
(``bankNoticeApply``, ``bankNoticeDismiss``), never by editing rows."""

from django.contrib import admin

from backend.payments.models import BankNotice


@admin.register(BankNotice)
class BankNoticeAdmin(admin.ModelAdmin):
    list_display = ("bank_reference", "amount", "status", "flag", "order", "received_at")
    list_filter = ("status", "flag")
    search_fields = ("bank_reference", "description")

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
