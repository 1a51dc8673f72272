"""Forms of the workspace and staff pages. They only clean input; services do the work."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from backend.accounts import vn_units
from backend.core.errors import DomainError
from producers.models import DocumentType, LegalForm
from producers.onboarding_services import ReviewDecision
from producers.services import PROFILE_FIELDS


def _province_choices() -> list[tuple[str, Any]]:
    return [("", _("— Chọn tỉnh/thành phố —")), *((p.code, p.name) for p in vn_units.provinces())]


def _commune_choices(province_code: str | None) -> list[tuple[str, Any]]:
    wards = vn_units.wards_of(province_code) if province_code else []
    return [("", _("— Chọn xã/phường —")), *((w.code, w.full_name) for w in wards)]


class ProducerRegisterForm(forms.Form):
    name = forms.CharField(label=_("Tên thương mại"), max_length=255)
    legal_name = forms.CharField(label=_("Tên pháp lý (theo giấy đăng ký)"), max_length=255)
    legal_form = forms.ChoiceField(label=_("Loại hình"), choices=LegalForm.choices)
    tax_code = forms.CharField(label=_("Mã số thuế"), max_length=13, required=False)
    province_code = forms.ChoiceField(label=_("Tỉnh/thành phố"), choices=_province_choices)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=20, required=False)


class ProducerProfileForm(forms.Form):
    name = forms.CharField(label=_("Tên thương mại"), max_length=255)
    legal_name = forms.CharField(label=_("Tên pháp lý (theo giấy đăng ký)"), max_length=255)
    legal_form = forms.ChoiceField(label=_("Loại hình"), choices=LegalForm.choices)
    tax_code = forms.CharField(label=_("Mã số thuế"), max_length=13, required=False)
    business_registration_number = forms.CharField(
        label=_("Số đăng ký kinh doanh"), max_length=64, required=False
    )
    province_code = forms.ChoiceField(label=_("Tỉnh/thành phố"), choices=_province_choices)
    commune_code = forms.ChoiceField(label=_("Xã/phường"), required=False)
    street_address = forms.CharField(label=_("Địa chỉ (thôn, số nhà)"), required=False)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=20, required=False)
    email = forms.EmailField(label=_("Email liên hệ"), required=False)
    description = forms.CharField(
        label=_("Giới thiệu"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    payout_bank_bin = forms.CharField(label=_("Mã ngân hàng (BIN)"), max_length=6, required=False)
    payout_account_number = forms.CharField(
        label=_("Số tài khoản nhận tiền"), max_length=19, required=False
    )
    payout_account_holder = forms.CharField(label=_("Chủ tài khoản"), required=False)

    def __init__(self, *args: Any, editable: frozenset[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        province = self.data.get("province_code") or self.initial.get("province_code")
        commune_field = self.fields["commune_code"]
        assert isinstance(commune_field, forms.ChoiceField)
        commune_field.choices = _commune_choices(province)
        for name, field in self.fields.items():
            field.disabled = name not in editable

    def changed_profile(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name]
            for name in PROFILE_FIELDS
            if name in self.cleaned_data and not self.fields[name].disabled
        }


class DocumentUploadForm(forms.Form):
    document_type = forms.ChoiceField(label=_("Loại giấy tờ"), choices=DocumentType.choices)
    number = forms.CharField(label=_("Số hiệu"), max_length=64, required=False)
    issuer = forms.CharField(label=_("Cơ quan cấp"), max_length=255, required=False)
    issued_on = forms.DateField(
        label=_("Ngày cấp"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    expires_on = forms.DateField(
        label=_("Ngày hết hạn"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    file = forms.FileField(
        label=_("Tệp (PDF, JPEG, PNG, WebP)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.webp"}),
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Quyết định"),
        widget=forms.RadioSelect,
        choices=[
            (ReviewDecision.APPROVE, _("Duyệt")),
            (ReviewDecision.REQUEST_CHANGES, _("Yêu cầu bổ sung")),
            (ReviewDecision.REJECT, _("Từ chối")),
        ],
    )
    reason = forms.CharField(
        label=_("Lý do / nội dung cần bổ sung"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class SuspendForm(forms.Form):
    reason = forms.CharField(label=_("Lý do tạm ngưng"), widget=forms.Textarea(attrs={"rows": 2}))


class StatementMonthForm(forms.Form):
    """``?month=YYYY-MM``: which of ``months`` (first days, newest first) to show."""

    month = forms.TypedChoiceField(
        label=_("Tháng"),
        coerce=lambda value: datetime.date.fromisoformat(f"{value}-01"),
        error_messages={
            "required": _("Hãy chọn một tháng."),
            "invalid_choice": _(
                "Tháng không hợp lệ: hãy chọn một tháng trong danh sách (dạng NNNN-TT, từ "
                "khi chủ thể được tạo đến tháng này)."
            ),
        },
    )

    def __init__(self, month: str | None, *, months: list[datetime.date]) -> None:
        super().__init__({"month": f"{months[0]:%Y-%m}" if month is None else month})
        self.fields["month"].choices = [  # type: ignore[attr-defined]
            (f"{first:%Y-%m}", f"{first:%m/%Y}") for first in months
        ]


def add_service_error(form: forms.Form, error: ValidationError | DomainError) -> None:
    """Show a service's error on the form: on its field when the form has it, else on top."""
    if isinstance(error, DomainError):
        field = error.field if error.field in form.fields else None
        form.add_error(field, error.message)
        return
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
