"""GET forms of the catalogue pages: every filter and sort works without JavaScript."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from backend.accounts.vn_units import provinces
from backend.catalog.models import Category
from backend.catalog.search import MAX_QUERY_LENGTH
from backend.catalog.selectors import ProductListFilter
from backend.ocop.models import CertificateStatus

STAR_CHOICES = [("", _("Mọi hạng sao")), ("3", _("3 sao")), ("4", _("4 sao")), ("5", _("5 sao"))]
SORT_CHOICES = [
    ("", _("Phù hợp nhất")),
    ("name", _("Tên A-Z")),
    ("-name", _("Tên Z-A")),
    ("price", _("Giá thấp đến cao")),
    ("-price", _("Giá cao đến thấp")),
    ("newest", _("Mới nhất")),
    ("stars", _("Nhiều sao OCOP nhất")),
]


def province_choices(empty_label: Any) -> list[tuple[str, Any]]:
    return [("", empty_label), *((p.code, p.name) for p in provinces())]


class ProductListForm(forms.Form):
    """Search, filters and sort of a product list. ``hide`` drops fields a page fixes
    itself (the category page has no category choice)."""

    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=MAX_QUERY_LENGTH)
    category = forms.ChoiceField(label=_("Ngành hàng"), required=False)
    province = forms.ChoiceField(label=_("Tỉnh, thành phố"), required=False)
    stars = forms.ChoiceField(label=_("Hạng sao OCOP"), required=False, choices=STAR_CHOICES)
    price_min = forms.IntegerField(label=_("Giá từ (₫)"), required=False, min_value=0)
    price_max = forms.IntegerField(label=_("Giá đến (₫)"), required=False, min_value=0)
    sort = forms.ChoiceField(label=_("Sắp xếp"), required=False, choices=SORT_CHOICES)

    def __init__(
        self, data: Any, *, categories: list[Category], hide: tuple[str, ...] = ()
    ) -> None:
        super().__init__(data)
        self.categories = {category.slug: category for category in categories}
        self._choice_field("category").choices = [
            ("", _("Mọi ngành hàng")),
            *((c.slug, ("— " if c.level else "") + c.name) for c in categories),
        ]
        self._choice_field("province").choices = province_choices(_("Mọi tỉnh, thành phố"))
        for name in hide:
            del self.fields[name]

    def _choice_field(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("price_min"), data.get("price_max")
        if low is not None and high is not None and low > high:
            self.add_error("price_max", _("Giá đến phải lớn hơn hoặc bằng giá từ."))
            data.pop("price_min", None)  # an inverted range filters nothing rather than all
        return data

    def product_filter(self, **fixed: Any) -> ProductListFilter:
        """The filter from the valid fields (an invalid field is shown and ignored)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        category = self.categories.get(data.get("category") or "")
        values: dict[str, Any] = {
            "search": data.get("q") or "",
            "category_ids": (category.pk,) if category else (),
            "province_codes": (data["province"],) if data.get("province") else (),
            "ocop_stars": (int(data["stars"]),) if data.get("stars") else (),
            "price_gte": data.get("price_min"),
            "price_lte": data.get("price_max"),
        }
        values.update(fixed)
        return ProductListFilter(**values)

    @property
    def is_filtering(self) -> bool:
        """Whether to show the filters opened: something besides the search text is set."""
        return bool(self.errors) or any(self.data.get(name) for name in self.fields if name != "q")

    @property
    def sort_value(self) -> str:
        self.is_valid()
        return str(getattr(self, "cleaned_data", {}).get("sort") or "")


CERTIFICATE_STATUS_CHOICES = [("", _("Mọi trạng thái")), *CertificateStatus.choices]


class CertificateSearchForm(forms.Form):
    """The public registry's search: product, producer or certificate number, and filters."""

    q = forms.CharField(
        label=_("Sản phẩm, chủ thể hoặc số chứng nhận"), required=False, max_length=200
    )
    province = forms.ChoiceField(label=_("Tỉnh, thành phố"), required=False)
    stars = forms.ChoiceField(label=_("Hạng sao OCOP"), required=False, choices=STAR_CHOICES)
    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=CERTIFICATE_STATUS_CHOICES
    )

    def __init__(self, data: Any) -> None:
        super().__init__(data)
        cast(forms.ChoiceField, self.fields["province"]).choices = province_choices(
            _("Mọi tỉnh, thành phố")
        )

    def query(self) -> dict[str, Any]:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "search": data.get("q") or None,
            "province_code": data.get("province") or None,
            "stars": int(data["stars"]) if data.get("stars") else None,
            "status": data.get("status") or None,
        }
