"""Workspace forms: they parse input; the services check the domain rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from backend.catalog.models import ProductVariant
from producers.models import Producer
from qr.cbv import BIZ_STEPS, DISPOSITIONS, UNITS, Action, EventType


class BatchForm(forms.Form):
    variant = forms.ModelChoiceField(queryset=ProductVariant.objects.none(), label=_("Sản phẩm"))
    lot_code = forms.CharField(max_length=40, label=_("Số lô"))
    production_date = forms.DateField(label=_("Ngày sản xuất"))
    best_before_date = forms.DateField(required=False, label=_("Sử dụng tốt nhất trước"))
    expiry_date = forms.DateField(required=False, label=_("Hạn sử dụng"))
    quantity = forms.IntegerField(min_value=1, max_value=10**9, label=_("Số lượng"))
    unit = forms.ChoiceField(choices=[(unit, unit) for unit in sorted(UNITS)], initial="H87")
    origin_commune_code = forms.CharField(max_length=8, required=False, label=_("Mã xã xuất xứ"))
    origin_area = forms.CharField(max_length=255, required=False, label=_("Vùng nguyên liệu"))
    notes = forms.CharField(max_length=2000, required=False, widget=forms.Textarea)

    def __init__(self, *args: Any, producer: Producer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        variants = ProductVariant.objects.filter(product__producer=producer).select_related(
            "product"
        )
        self.fields["variant"].queryset = variants  # type: ignore[attr-defined]


class TraceEventForm(forms.Form):
    event_type = forms.ChoiceField(choices=EventType.choices, initial=EventType.OBJECT)
    action = forms.ChoiceField(
        choices=[("", "—"), *Action.choices], required=False, initial=Action.OBSERVE
    )
    biz_step = forms.ChoiceField(choices=[(step, step) for step in sorted(BIZ_STEPS)])
    disposition = forms.ChoiceField(
        choices=[("", "—")] + [(value, value) for value in sorted(DISPOSITIONS)], required=False
    )
    event_time = forms.DateTimeField(label=_("Thời điểm"))
    read_point = forms.CharField(max_length=255, required=False)
    biz_location = forms.CharField(max_length=255, required=False)
    quantity = forms.IntegerField(min_value=0, max_value=10**9, required=False)
    description = forms.CharField(max_length=255, required=False, label=_("Mô tả"))


def add_service_errors(form: forms.Form, error: Any) -> None:
    """Show a service's ValidationError on the form's fields (or on the form)."""
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
