"""Parsing of the storefront's purchase and account forms (the services validate the rest)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from backend.accounts.models import Address
from backend.checkout.availability import MAX_LINE_QUANTITY
from backend.checkout.models import Checkout

# The address inputs: province and commune are posted as unit codes from the pickers.
ADDRESS_FIELDS = (
    "first_name",
    "last_name",
    "phone",
    "street_address_1",
    "country_area",
    "city",
)


def parse_quantity(raw: str, *, zero_allowed: bool = False) -> int:
    """A whole quantity from a form; a clear message for blanks, words and absurd numbers."""
    text = (raw or "").strip()
    if not text:
        raise ValidationError(_("Hãy nhập số lượng."), code="REQUIRED")
    if not text.lstrip("-").isdigit() or len(text) > 6:
        raise ValidationError(
            _("Số lượng phải là số nguyên từ 1 đến %(limit)s."),
            code="INVALID",
            params={"limit": MAX_LINE_QUANTITY},
        )
    quantity = int(text)
    if quantity < 0 or (quantity == 0 and not zero_allowed) or quantity > MAX_LINE_QUANTITY:
        raise ValidationError(
            _("Số lượng phải là số nguyên từ 1 đến %(limit)s."),
            code="INVALID",
            params={"limit": MAX_LINE_QUANTITY},
        )
    return quantity


def parse_delivery_choices(data: Mapping[str, Any]) -> list[tuple[int, int]]:
    """``delivery_<producer id>`` = method id pairs; the service checks they belong together."""
    choices = []
    for key in data:
        if not key.startswith("delivery_"):
            continue
        producer, method = key.removeprefix("delivery_"), str(data.get(key, ""))
        if not (producer.isdigit() and method.isdigit()):
            raise ValidationError(
                {
                    "delivery_method_id": ValidationError(
                        _("Không tìm thấy phương thức giao hàng."), code="NOT_FOUND"
                    )
                }
            )
        choices.append((int(producer), int(method)))
    return choices


def address_values(address: Address | None) -> dict[str, str]:
    """A stored address as picker values (unit codes)."""
    if address is None:
        return dict.fromkeys(ADDRESS_FIELDS, "")
    return {
        "first_name": address.first_name,
        "last_name": address.last_name,
        "phone": address.phone,
        "street_address_1": address.street_address_1,
        "country_area": address.province_code,
        "city": address.ward_code,
    }


def address_initial(checkout: Checkout, data: Mapping[str, Any] | None) -> dict[str, str]:
    """The checkout's address and email, overridden by what was just posted."""
    values = address_values(checkout.shipping_address)
    values["email"] = checkout.email
    if data is not None:
        for key in (*ADDRESS_FIELDS, "email"):
            if key in data:
                values[key] = str(data.get(key) or "")
    return values
