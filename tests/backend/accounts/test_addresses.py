import pytest
from django.core.exceptions import ValidationError

from backend.accounts import vn_units
from backend.accounts.addresses import address_clean, address_validation_rules, normalise_phone

HANOI_WARD = {
    "street_address_1": "12 Phố Điện Biên Phủ",
    "city": "Ba Đình",
    "country_area": "Hà Nội",
}


def error_codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in exc.error_dict.items()}


def test_address_is_stored_with_canonical_names_and_codes():
    # when
    cleaned = address_clean({**HANOI_WARD, "phone": "0912 345 678", "first_name": " Lan "})

    # then
    assert cleaned["city"] == "Phường Ba Đình"
    assert cleaned["country_area"] == "Thành phố Hà Nội"
    assert cleaned["province_code"] == "01"
    assert cleaned["ward_code"] == "00004"
    assert cleaned["country"] == "VN"
    assert cleaned["phone"] == "+84912345678"
    assert cleaned["first_name"] == "Lan"


@pytest.mark.parametrize(
    ("area", "city"),
    [
        ("thanh hoa", "xa dong tien"),
        ("Tỉnh Thanh Hóa", "Xã Đồng Tiến"),
        ("38", "15724"),
        (" THANH HOÁ ", "Đồng Tiến"),
    ],
)
def test_names_with_or_without_diacritics_and_codes_resolve_the_same(area, city):
    # when
    cleaned = address_clean({"street_address_1": "Thôn 3", "city": city, "country_area": area})

    # then
    assert (cleaned["province_code"], cleaned["ward_code"]) == ("38", "15724")
    assert (cleaned["country_area"], cleaned["city"]) == ("Tỉnh Thanh Hóa", "Xã Đồng Tiến")


def test_commune_outside_the_province_is_refused_on_city():
    # given: Đồng Tiến (15724) is in Thanh Hóa, not Hà Nội
    data = {"street_address_1": "Thôn 3", "city": "15724", "country_area": "Hà Nội"}

    # when
    with pytest.raises(ValidationError) as caught:
        address_clean(data)

    # then
    assert error_codes(caught.value) == {"city": ["INVALID"]}
    assert (
        "Xã Đồng Tiến"
        in caught.value.error_dict["city"][0].message % caught.value.error_dict["city"][0].params
    )


def test_unknown_commune_name_is_refused_on_city():
    with pytest.raises(ValidationError) as caught:
        address_clean({**HANOI_WARD, "city": "Xã Không Có"})

    assert error_codes(caught.value) == {"city": ["INVALID"]}


def test_old_province_name_is_mapped_when_the_commune_is_in_its_successor():
    # given: Hà Giang merged into Tuyên Quang on 1 July 2025
    ward = next(w for w in vn_units.wards_of("08") if w.type == "xa")
    legacy = next(lp for lp in vn_units.legacy_provinces() if lp.name == "Hà Giang")
    assert legacy.province_code == "08"

    # when
    cleaned = address_clean(
        {"street_address_1": "Thôn 1", "city": ward.full_name, "country_area": "Hà Giang"}
    )

    # then
    assert cleaned["province_code"] == "08"
    assert cleaned["country_area"] == "Tỉnh Tuyên Quang"
    assert cleaned["ward_code"] == ward.code


def test_old_province_name_with_a_commune_elsewhere_is_refused_with_the_successor_named():
    # when
    with pytest.raises(ValidationError) as caught:
        address_clean({"street_address_1": "Thôn 1", "city": "Ba Đình", "country_area": "Hà Giang"})

    # then
    assert error_codes(caught.value) == {"country_area": ["INVALID"]}
    error = caught.value.error_dict["country_area"][0]
    message = error.message % error.params
    assert "Tỉnh Hà Giang" in message
    assert "Tỉnh Tuyên Quang" in message


def test_unknown_province_is_refused_on_country_area():
    with pytest.raises(ValidationError) as caught:
        address_clean({**HANOI_WARD, "country_area": "Atlantis"})

    assert error_codes(caught.value) == {"country_area": ["INVALID"]}


def test_missing_fields_foreign_country_and_bad_postal_code_are_reported_together():
    # when
    with pytest.raises(ValidationError) as caught:
        address_clean({"country": "FR", "postal_code": "75001X"})

    # then
    assert error_codes(caught.value) == {
        "street_address_1": ["REQUIRED"],
        "city": ["REQUIRED"],
        "country_area": ["REQUIRED"],
        "country": ["INVALID"],
        "postal_code": ["INVALID"],
    }


def test_over_long_field_is_refused():
    with pytest.raises(ValidationError) as caught:
        address_clean({**HANOI_WARD, "first_name": "x" * 257})

    assert error_codes(caught.value) == {"first_name": ["INVALID"]}


@pytest.mark.parametrize(
    "raw",
    [
        "0912345678",
        "+84912345678",
        "84912345678",
        "+84 912 345 678",
        "0084912345678",
        "091.234.5678",
    ],
)
def test_vietnamese_mobile_numbers_normalise_to_e164(raw):
    assert normalise_phone(raw) == "+84912345678"


def test_landline_with_area_code_normalises():
    assert normalise_phone("024 3823 4567") == "+842438234567"


@pytest.mark.parametrize("raw", ["+12025550123", "+33 1 23 45 67 89", "0033123456789"])
def test_foreign_numbers_are_refused_with_a_clear_message(raw):
    with pytest.raises(ValidationError) as caught:
        normalise_phone(raw)

    assert caught.value.code == "INVALID"
    assert "+84" in str(caught.value.message)


@pytest.mark.parametrize("raw", ["12345", "0112345678", "09123456789012", "phone"])
def test_malformed_numbers_are_refused(raw):
    with pytest.raises(ValidationError) as caught:
        normalise_phone(raw)

    assert caught.value.code == "INVALID"


def test_foreign_phone_in_an_address_is_refused_on_phone():
    with pytest.raises(ValidationError) as caught:
        address_clean({**HANOI_WARD, "phone": "+12025550123"})

    assert error_codes(caught.value) == {"phone": ["INVALID"]}


def test_validation_rules_list_34_provinces_and_the_communes_of_one():
    # when
    without_area = address_validation_rules()
    thanh_hoa = address_validation_rules(country_area="thanh hoa")

    # then
    assert len(without_area["country_area_choices"]) == 34
    assert without_area["city_choices"] == []
    assert len(thanh_hoa["city_choices"]) == 166
    assert {"raw": "Xã Đồng Tiến", "verbose": "Xã Đồng Tiến"} in thanh_hoa["city_choices"]


def test_every_province_choice_loads_its_communes_and_validates():
    for choice in address_validation_rules()["country_area_choices"]:
        communes = address_validation_rules(country_area=choice["raw"])["city_choices"]
        assert communes, choice
        cleaned = address_clean(
            {"street_address_1": "1", "city": communes[0]["raw"], "country_area": choice["raw"]}
        )
        assert cleaned["country_area"] == choice["raw"]
