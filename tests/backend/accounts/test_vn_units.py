import json

import pytest

from backend.accounts import vn_units
from backend.accounts.vn_units import UnitNotFound


def test_there_are_34_provinces_and_3321_wards():
    # when
    provinces = vn_units.provinces()
    wards = [w for p in provinces for w in vn_units.wards_of(p.code)]

    # then
    assert len(provinces) == 34
    assert len({p.code for p in provinces}) == 34
    assert len(wards) == 3321
    assert len({w.code for w in wards}) == 3321


def test_every_province_has_wards_and_every_ward_has_a_province():
    # given
    raw = json.loads(vn_units.DATA_PATH.read_text(encoding="utf-8"))

    # then
    assert all(vn_units.wards_of(p.code) for p in vn_units.provinces())
    assert len(raw["wards"]) == 3321
    for row in raw["wards"]:
        assert vn_units.province_by_code(row["province_code"]) is not None
        assert vn_units.ward_belongs_to(row["code"], row["province_code"])


def test_thanh_hoa_is_code_38_with_166_units():
    # when
    province = vn_units.province_by_code("38")

    # then
    assert province == vn_units.Province("38", "Thanh Hóa", "Tỉnh Thanh Hóa", "tinh")
    assert len(vn_units.wards_of("38")) == 166


@pytest.mark.parametrize(
    "query", ["thanh hoa", "Thanh Hóa", "Tỉnh Thanh Hóa", "38", 38, " THANH HOÁ "]
)
def test_find_province_accepts_names_and_codes(query):
    # when
    province = vn_units.find_province(query)

    # then
    assert province.code == "38"


def test_find_ward_with_and_without_diacritics_or_prefix():
    # given
    expected = vn_units.ward_by_code("15724")

    # then
    assert expected is not None
    assert expected.full_name == "Xã Đồng Tiến"
    for query in ["Xã Đồng Tiến", "Đồng Tiến", "xa dong tien", "15724", 15724]:
        assert vn_units.find_ward("38", query) == expected


def test_folded_name_shared_by_two_wards_is_ambiguous():
    # given: Thanh Hóa has Xã Đồng Tiến and Phường Đông Tiến

    # when
    with pytest.raises(UnitNotFound) as excinfo:
        vn_units.find_ward("38", "dong tien")

    # then
    message = str(excinfo.value)
    assert "ambiguous" in message
    assert "15724" in message
    assert "15853" in message
    assert "code" in message
    assert vn_units.find_ward("38", "Đông Tiến").code == "15853"


def test_ward_of_another_province_is_refused():
    # given: Phường Ba Đình is in Hà Nội
    ba_dinh = vn_units.ward_by_code("00004")

    # when
    with pytest.raises(UnitNotFound) as excinfo:
        vn_units.find_ward("38", "00004")

    # then
    assert ba_dinh is not None
    assert ba_dinh.province_code == "01"
    assert "belongs to Thành phố Hà Nội" in str(excinfo.value)
    assert not vn_units.ward_belongs_to("00004", "38")
    assert vn_units.ward_belongs_to(4, 1)


def test_ward_name_of_another_province_is_refused():
    # when
    with pytest.raises(UnitNotFound) as excinfo:
        vn_units.find_ward("38", "Phường Văn Miếu - Quốc Tử Giám")

    # then
    assert "does not belong" in str(excinfo.value)


def test_prefix_of_the_wrong_type_does_not_match_silently():
    # given: Thanh Hóa has a Xã Ba Đình but no Phường Ba Đình

    # when
    with pytest.raises(UnitNotFound) as excinfo:
        vn_units.find_ward("38", "Phường Ba Đình")

    # then
    assert "Xã Ba Đình" in str(excinfo.value)


@pytest.mark.parametrize(
    ("old_name", "current_code"),
    [("Hà Giang", "08"), ("Tỉnh Quảng Nam", "48"), ("Bà Rịa - Vũng Tàu", "79"), ("hoa binh", "25")],
)
def test_pre_2025_province_maps_to_its_current_province(old_name, current_code):
    # when
    province = vn_units.find_province(old_name)

    # then
    assert province.code == current_code


def test_legacy_lookup_can_be_refused_with_an_explanation():
    # when
    with pytest.raises(UnitNotFound) as excinfo:
        vn_units.find_province("Hà Giang", allow_legacy=False)

    # then
    assert excinfo.value.legacy is True
    assert "Tuyên Quang" in str(excinfo.value)


def test_every_one_of_the_63_legacy_provinces_maps_to_a_current_one():
    # when
    legacy = vn_units.legacy_provinces()

    # then
    assert len(legacy) == 63
    current = {p.code for p in vn_units.provinces()}
    assert {lp.province_code for lp in legacy} == current
    for lp in legacy:
        assert vn_units.find_province(lp.full_name).code == lp.province_code


def test_unknown_province_raises_with_suggestions():
    # when
    with pytest.raises(UnitNotFound) as excinfo:
        vn_units.find_province("Thanh Hao")

    # then
    assert isinstance(excinfo.value, LookupError)
    assert excinfo.value.legacy is False
    assert "Thanh Hao" in str(excinfo.value)
    assert "Did you mean" in str(excinfo.value)
    assert "Thanh Hóa" in str(excinfo.value)


def test_unknown_codes_return_none_or_raise():
    # then
    assert vn_units.province_by_code("99") is None
    assert vn_units.ward_by_code("99999") is None
    with pytest.raises(UnitNotFound):
        vn_units.find_province("99")
    with pytest.raises(UnitNotFound):
        vn_units.find_ward("38", "Nowhere")


def test_fold():
    # then
    assert vn_units.fold("Tỉnh  Thanh Hóa") == "thanh hoa"
    assert vn_units.fold("TP. Hồ Chí Minh") == "ho chi minh"
    assert vn_units.fold("Đặc khu Phú Quốc") == "phu quoc"
    assert vn_units.fold("Phường Đông Tiến") == "dong tien"


def test_json_version_matches_data_version():
    # given
    raw = json.loads(vn_units.DATA_PATH.read_text(encoding="utf-8"))

    # then
    assert raw["source"]["data_version"] == vn_units.DATA_VERSION
    assert raw["source"]["package"] == "vietnam-provinces"
