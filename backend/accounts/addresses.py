"""Vietnamese address validation, shared by accounts, checkout and orders.

:func:`address_clean` turns Saleor ``AddressInput``-shaped data into model values:
``country_area`` (province) and ``city`` (commune/ward) resolved against the official unit
list (any case, with or without diacritics, names or codes), stored as canonical full names
with ``province_code``/``ward_code``; ``phone`` normalised to E.164 (+84). Errors are one
``ValidationError`` keyed by the input's field names (snake_case; the API shows camelCase).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.accounts import vn_units
from backend.accounts.error_codes import AccountErrorCode
from backend.accounts.models import Address, User
from backend.accounts.selectors import address_get_for_user

COUNTRY = "VN"
COUNTRY_NAME = "Việt Nam"
# Saleor's AddressInput fields, in Saleor's order (inputs, exports).
ADDRESS_FIELDS = (
    "first_name",
    "last_name",
    "company_name",
    "street_address_1",
    "street_address_2",
    "city",
    "city_area",
    "postal_code",
    "country",
    "country_area",
    "phone",
)
TEXT_FIELDS = {
    "first_name": 256,
    "last_name": 256,
    "company_name": 256,
    "street_address_1": 256,
    "street_address_2": 256,
    "city_area": 128,
    "postal_code": 20,
}
REQUIRED_FIELDS = ("street_address_1", "city", "country_area")
UNIT_CODE_FIELDS = ("province_code", "ward_code")
POSTAL_CODE_RE = re.compile(r"^\d{5}\d?$")
_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")

INVALID = AccountErrorCode.INVALID.value
REQUIRED = AccountErrorCode.REQUIRED.value


def normalise_phone(raw: str) -> str:
    """A Vietnamese number in E.164: accepts 0912345678, +84912345678, 84912345678.

    Raises ValidationError(code INVALID) for foreign and malformed numbers.
    """
    text = _PHONE_SEPARATORS.sub("", raw.strip())
    if text.startswith("00"):
        text = "+" + text[2:]
    if text.startswith("+"):
        if not text.startswith("+84"):
            raise ValidationError(
                _("Chỉ nhận số điện thoại Việt Nam (+84); số “%(phone)s” là số nước ngoài."),
                code=INVALID,
                params={"phone": raw},
            )
        national = text[3:]
    elif text.startswith("84") and len(text) in (11, 12):
        national = text[2:]
    elif text.startswith("0"):
        national = text[1:]
    else:
        national = ""
    if not (national.isdigit() and len(national) in (9, 10) and national[0] in "2356789"):
        raise ValidationError(
            _(
                "Số điện thoại “%(phone)s” không hợp lệ; hãy nhập số Việt Nam, "
                "ví dụ 0912345678 hoặc +84912345678."
            ),
            code=INVALID,
            params={"phone": raw},
        )
    return "+84" + national


def _legacy_candidates(text: str) -> tuple[vn_units.LegacyProvince, list[vn_units.Province]]:
    """The pre-2025 province ``text`` names and the current provinces that took it."""
    current = vn_units.find_province(text, allow_legacy=True)
    key = vn_units.fold(text)
    legacy = next(
        (
            lp
            for lp in vn_units.legacy_provinces()
            if key in (vn_units.fold(lp.full_name), vn_units.fold(lp.name))
            or lp.code == text.strip().zfill(2)
        ),
        None,
    )
    if legacy is None:  # find_province only flags legacy names it can map
        raise vn_units.UnitNotFound(text)
    others = [vn_units.province_by_code(code) for code in legacy.partly_to]
    return legacy, [current, *(p for p in others if p and p != current)]


def _resolve_units(
    area: str, city: str, errors: dict[str, list[ValidationError]]
) -> tuple[vn_units.Province, vn_units.Ward] | None:
    try:
        province = vn_units.find_province(area, allow_legacy=False)
    except vn_units.UnitNotFound as exc:
        if not exc.legacy:
            errors["country_area"] = [
                ValidationError(
                    _("Không tìm thấy tỉnh/thành phố “%(value)s” trong danh sách 34 tỉnh, thành."),
                    code=INVALID,
                    params={"value": area},
                )
            ]
            return None
        return _resolve_legacy(area, city, errors)
    try:
        return province, vn_units.find_ward(province.code, city)
    except vn_units.UnitNotFound:
        errors["city"] = [_ward_error(city, province)]
        return None


def _resolve_legacy(
    area: str, city: str, errors: dict[str, list[ValidationError]]
) -> tuple[vn_units.Province, vn_units.Ward] | None:
    """An old province name is accepted when the commune is found in its successor(s)."""
    legacy, candidates = _legacy_candidates(area)
    found: list[vn_units.Ward] = []
    for province in candidates:
        try:
            found.append(vn_units.find_ward(province.code, city))
        except vn_units.UnitNotFound:
            continue
    if len(found) == 1:
        successor = vn_units.province_by_code(found[0].province_code)
        assert successor is not None
        return successor, found[0]
    errors["country_area"] = [
        ValidationError(
            _(
                "%(old)s là tỉnh cũ (trước ngày 1/7/2025), nay thuộc %(new)s; không tìm thấy "
                "xã/phường “%(city)s” ở đó. Hãy chọn tỉnh/thành phố mới và xã/phường hiện hành."
            ),
            code=INVALID,
            params={"old": legacy.full_name, "new": candidates[0].full_name, "city": city},
        )
    ]
    return None


def _ward_error(city: str, province: vn_units.Province) -> ValidationError:
    by_code = vn_units.ward_by_code(city) if city.strip().isdigit() else None
    if by_code is not None and by_code.province_code != province.code:
        return ValidationError(
            _("Xã/phường “%(city)s” không thuộc %(province)s."),
            code=INVALID,
            params={"city": by_code.full_name, "province": province.full_name},
        )
    return ValidationError(
        _(
            "Không tìm thấy xã/phường “%(city)s” thuộc %(province)s (hoặc tên trùng nhiều "
            "nơi); hãy chọn trong danh sách xã/phường của tỉnh."
        ),
        code=INVALID,
        params={"city": city, "province": province.full_name},
    )


def address_clean(data: Mapping[str, Any]) -> dict[str, str]:
    """Validated model values for an ``Address`` (every field, blanks included).

    ``data`` holds AddressInput fields in snake_case; unknown keys are ignored.
    Raises ValidationError keyed by field name, with all problems found at once.
    """
    errors: dict[str, list[ValidationError]] = {}
    values = {key: str(data.get(key) or "").strip() for key in (*TEXT_FIELDS, "city")}
    area = str(data.get("country_area") or "").strip()
    for key, limit in TEXT_FIELDS.items():
        if len(values[key]) > limit:
            errors[key] = [
                ValidationError(_("Tối đa %(limit)s ký tự."), code=INVALID, params={"limit": limit})
            ]
    for key in REQUIRED_FIELDS:
        if not (area if key == "country_area" else values[key]):
            errors[key] = [ValidationError(_("Trường này là bắt buộc."), code=REQUIRED)]
    country = str(data.get("country") or COUNTRY).strip().upper()
    if country != COUNTRY:
        errors["country"] = [
            ValidationError(_("Hiện chỉ hỗ trợ địa chỉ tại Việt Nam (VN)."), code=INVALID)
        ]
    if values["postal_code"] and not POSTAL_CODE_RE.match(values["postal_code"]):
        errors["postal_code"] = [
            ValidationError(_("Mã bưu chính Việt Nam gồm 5 hoặc 6 chữ số."), code=INVALID)
        ]
    phone = str(data.get("phone") or "").strip()
    if phone:
        try:
            phone = normalise_phone(phone)
        except ValidationError as exc:
            errors["phone"] = [exc]
    units = None
    if area and values["city"] and "country" not in errors:
        units = _resolve_units(area, values["city"], errors)
    if errors:
        raise ValidationError(errors)
    assert units is not None
    province, ward = units
    return {
        **values,
        "city": ward.full_name,
        "country": COUNTRY,
        "country_area": province.full_name,
        "phone": phone,
        "province_code": province.code,
        "ward_code": ward.code,
    }


# --- a person's address book --------------------------------------------------------------


class AddressType(models.TextChoices):
    SHIPPING = "shipping", _("Giao hàng")
    BILLING = "billing", _("Thanh toán")


def _set_default(actor: User, address: Address, address_type: str) -> None:
    field = f"default_{address_type}_address"
    setattr(actor, field, address)
    actor.save(update_fields=[field, "updated_at"])


def address_create(
    *,
    actor: User,
    data: Mapping[str, Any],
    address_type: str | None = None,
    metadata: dict[str, str] | None = None,
) -> Address:
    """Validate and add an address to ``actor``'s book; default for ``address_type`` if given
    or if ``actor`` has no default of that kind yet."""
    address = Address.objects.create(user=actor, metadata=metadata or {}, **address_clean(data))
    for kind in AddressType.values:
        if kind == address_type or getattr(actor, f"default_{kind}_address_id") is None:
            _set_default(actor, address, kind)
    return address


def address_book_store(*, user: User, address: Address, address_type: str) -> Address:
    """Keep ``address`` (already cleaned, e.g. a checkout's copy) in ``user``'s book unless an
    identical one is there (Saleor's store_user_address); it becomes the default of
    ``address_type`` when the user has none. Locks the user row, so two orders completing
    at once do not both add it."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    values = {field: getattr(address, field) for field in (*ADDRESS_FIELDS, *UNIT_CODE_FIELDS)}
    saved = locked.addresses.filter(**values).first()
    if saved is None:
        saved = Address.objects.create(user=locked, **values)
    if getattr(locked, f"default_{address_type}_address_id") is None:
        _set_default(locked, saved, address_type)
    return saved


def address_update(
    *,
    actor: User,
    address_id: int | None,
    data: Mapping[str, Any],
    metadata: dict[str, str] | None = None,
) -> Address:
    """Apply the given fields to ``actor``'s address and validate the whole result."""
    address = address_get_for_user(actor=actor, address_id=address_id)
    current = {field: getattr(address, field) for field in (*TEXT_FIELDS, "city", "phone")}
    current |= {"country": address.country, "country_area": address.country_area}
    merged = current | {key: value for key, value in data.items() if value is not None}
    for field, value in address_clean(merged).items():
        setattr(address, field, value)
    if metadata:
        address.metadata = {**address.metadata, **metadata}
    address.save()
    return address


def address_delete(*, actor: User, address_id: int | None) -> Address:
    """Delete ``actor``'s address; returns the unsaved object (its ``pk`` kept for the reply)."""
    address = address_get_for_user(actor=actor, address_id=address_id)
    pk = address.pk
    address.delete()
    address.pk = pk
    actor.refresh_from_db(fields=["default_shipping_address", "default_billing_address"])
    return address


def address_set_default(*, actor: User, address_id: int | None, address_type: str) -> User:
    """Make ``actor``'s own address the default of ``address_type`` (shipping or billing)."""
    if address_type not in AddressType.values:
        raise ValidationError(
            {"type": ValidationError(_("Loại địa chỉ không hợp lệ."), code=INVALID)}
        )
    _set_default(actor, address_get_for_user(actor=actor, address_id=address_id), address_type)
    return actor


# --- the country's format, for address forms ----------------------------------------------

ADDRESS_FORMAT = "%N%n%O%n%A%n%D%n%C%n%S%n%Z"


def address_validation_rules(*, country_area: str | None = None) -> dict[str, Any]:
    """Việt Nam's address format (Saleor's AddressValidationData fields, snake_case).

    With ``country_area`` (a province name or code, old names mapped), ``city_choices``
    lists its communes; an unknown province gives none.
    """
    city_choices: list[dict[str, str]] = []
    if country_area:
        try:
            province = vn_units.find_province(country_area, allow_legacy=True)
        except vn_units.UnitNotFound:
            province = None
        if province is not None:
            city_choices = [
                {"raw": w.full_name, "verbose": w.full_name}
                for w in vn_units.wards_of(province.code)
            ]
    return {
        "country_code": COUNTRY,
        "country_name": COUNTRY_NAME,
        "address_format": ADDRESS_FORMAT,
        "address_latin_format": ADDRESS_FORMAT,
        "allowed_fields": [
            "name",
            "company_name",
            "street_address",
            "city_area",
            "city",
            "country_area",
            "postal_code",
        ],
        "required_fields": ["street_address", "city", "country_area"],
        "upper_fields": [],
        "country_area_type": "province",
        "country_area_choices": [
            {"raw": p.full_name, "verbose": p.full_name} for p in vn_units.provinces()
        ],
        "city_type": "commune",
        "city_choices": city_choices,
        "city_area_type": "village",
        "city_area_choices": [],
        "postal_code_type": "postal",
        "postal_code_matchers": [POSTAL_CODE_RE.pattern],
        "postal_code_examples": ["100000", "70010"],
        "postal_code_prefix": "",
    }
