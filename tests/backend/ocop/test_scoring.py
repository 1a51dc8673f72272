import copy
import datetime
import json
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.ocop.scoring import (
    PRODUCT_SETS_PATH,
    QD148_2023_PATH,
    CriteriaSetData,
    is_certifiable,
    load_criteria_set,
    parse_criteria_set,
    stars_for_score,
)


@pytest.mark.parametrize(
    ("score", "stars"),
    [
        ("0", 1),
        ("29.99", 1),
        ("30", 2),
        ("49.99", 2),
        ("50", 3),
        ("69.99", 3),
        ("70", 4),
        ("89.99", 4),
        ("89.999999", 4),
        ("90", 5),
        ("90.00", 5),
        ("100", 5),
        ("-0", 1),
    ],
)
def test_star_band_boundaries(score, stars):
    assert stars_for_score(Decimal(score)) == stars


def test_int_scores_are_accepted():
    assert stars_for_score(70) == 4


@pytest.mark.parametrize("score", ["-0.01", "100.01", "101", "-1", "NaN", "Infinity", "-Infinity"])
def test_out_of_range_scores_raise(score):
    with pytest.raises(ValueError, match="between 0 and 100"):
        stars_for_score(Decimal(score))


@pytest.mark.parametrize("score", [90.0, True, "90", None])
def test_non_decimal_scores_raise_type_error(score):
    with pytest.raises(TypeError):
        stars_for_score(score)


@given(st.decimals(min_value=0, max_value=100, allow_nan=False, places=4))
def test_stars_are_monotonic_and_match_the_band_floors(score):
    stars = stars_for_score(score)

    floors = {5: 90, 4: 70, 3: 50, 2: 30, 1: 0}
    assert score >= floors[stars]
    if stars < 5:
        assert score < floors[stars + 1]


@pytest.mark.parametrize(
    ("stars", "certified"), [(1, False), (2, False), (3, True), (4, True), (5, True)]
)
def test_only_three_stars_and_above_are_certifiable(stars, certified):
    assert is_certifiable(stars) is certified


@pytest.mark.parametrize("stars", [0, 6, -1, True, 3.0, "3"])
def test_is_certifiable_rejects_non_ranks(stars):
    with pytest.raises(ValueError):
        is_certifiable(stars)


def test_shipped_criteria_set_loads_and_adds_up():
    # when
    criteria_set = load_criteria_set(QD148_2023_PATH)

    # then
    assert isinstance(criteria_set, CriteriaSetData)
    assert criteria_set.code == "QD148-2023"
    assert "148/QĐ-TTg" in criteria_set.legal_basis
    assert "1489/QĐ-TTg" in criteria_set.legal_basis
    assert criteria_set.effective_from == datetime.date(2023, 2, 24)
    assert criteria_set.effective_until is None
    assert "approximation" in criteria_set.notes
    assert {part.code: part.max_points for part in criteria_set.parts} == {
        "A": 40,
        "B": 25,
        "C": 35,
    }
    assert sum(part.max_points for part in criteria_set.parts) == 100
    for part in criteria_set.parts:
        assert len(part.criteria) >= 3
        assert sum(criterion.max_points for criterion in part.criteria) == part.max_points
        assert all(criterion.code.startswith(part.code) for criterion in part.criteria)
        assert part.name_vi and part.name_en


def test_shipped_criteria_set_applies_in_full_to_every_product_set():
    criteria_set = load_criteria_set(str(QD148_2023_PATH))

    for product_set in range(1, 27):
        total = sum(
            criterion.max_points
            for part in criteria_set.parts
            for criterion in part.criteria
            if criterion.applies_to(product_set)
        )
        assert total == 100


def test_part_lookup():
    criteria_set = load_criteria_set(QD148_2023_PATH)

    assert criteria_set.part("B").max_points == 25
    with pytest.raises(KeyError):
        criteria_set.part("D")


@pytest.fixture
def raw_set():
    return json.loads(QD148_2023_PATH.read_text(encoding="utf-8"))


def test_wrong_criterion_sum_is_refused(raw_set):
    # given
    raw_set["parts"][1]["criteria"][0]["max_points"] -= 1

    # when / then
    with pytest.raises(
        ValueError, match="Part B: criteria add up to 24, but the part maximum is 25"
    ):
        parse_criteria_set(raw_set)


def test_wrong_part_total_is_refused(raw_set):
    # given: part A and its criteria grow together, so only the total is wrong
    raw_set["parts"][0]["max_points"] += 1
    raw_set["parts"][0]["criteria"][0]["max_points"] += 1

    # when / then
    with pytest.raises(ValueError, match="parts add up to 101, not 100"):
        parse_criteria_set(raw_set)


def test_duplicate_criterion_code_is_refused(raw_set):
    raw_set["parts"][2]["criteria"][1]["code"] = "C1"

    with pytest.raises(ValueError, match="Criterion C1: the code is used twice"):
        parse_criteria_set(raw_set)


def test_duplicate_part_code_is_refused(raw_set):
    raw_set["parts"][2] = copy.deepcopy(raw_set["parts"][1])
    raw_set["parts"][2]["criteria"] = [
        dict(criterion, code=criterion["code"] + "x")
        for criterion in raw_set["parts"][2]["criteria"]
    ]

    with pytest.raises(ValueError, match="part B appears more than once"):
        parse_criteria_set(raw_set)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda s: s["parts"][0]["criteria"][0].update(code="B9"),
            "Criterion B9: the code must start",
        ),
        (
            lambda s: s["parts"][0]["criteria"][0].update(code="A"),
            "Criterion A: the code must start",
        ),
        (lambda s: s["parts"][0]["criteria"][0].update(max_points=0), "Criterion A1: max_points"),
        (
            lambda s: s["parts"][0]["criteria"][0].update(max_points=True),
            "Criterion A1: max_points",
        ),
        (lambda s: s["parts"][0]["criteria"][0].update(max_points=Decimal("13.5")), "Criterion A1"),
        (lambda s: s["parts"][0]["criteria"][0].update(name_vi=""), "Criterion A1: name_vi"),
        (
            lambda s: s["parts"][0]["criteria"][0].update(product_sets=[]),
            "Criterion A1: product_sets",
        ),
        (
            lambda s: s["parts"][0]["criteria"][0].update(product_sets=[0]),
            "product set 0 is outside",
        ),
        (lambda s: s["parts"][0]["criteria"][0].update(product_sets=[27]), "product set 27"),
        (lambda s: s["parts"][0]["criteria"][0].update(product_sets=[1, 1]), "lists a set twice"),
        (lambda s: s["parts"][0]["criteria"][0].update(product_sets=["1"]), "not an integer"),
        (lambda s: s["parts"][0].update(criteria=[]), "Part A: criteria must be a non-empty"),
        (lambda s: s["parts"][0].update(max_points="40"), "Part A: max_points"),
        (lambda s: s["parts"][0].pop("name_en"), "Part A: name_en"),
        (lambda s: s.update(parts=[]), "parts must be a non-empty list"),
        (lambda s: s.update(effective_from="24/02/2023"), "not a YYYY-MM-DD date"),
        (lambda s: s.update(effective_until="2020-01-01"), "effective_until is before"),
        (lambda s: s.update(max_points=110), "max_points must be 100"),
        (lambda s: s.pop("legal_basis"), "legal_basis"),
        (lambda s: s.pop("code"), "code must be a non-empty string"),
    ],
)
def test_tampered_sets_are_refused(raw_set, mutate, message):
    # given
    mutate(raw_set)

    # when / then
    with pytest.raises(ValueError, match=message):
        parse_criteria_set(raw_set)


def test_set_specific_alternatives_must_add_up_per_product_set(raw_set):
    # given: C2 split into a food-safety variant (sets 1-20) and a non-food one (21-26)
    part_c = raw_set["parts"][2]
    food, other = dict(part_c["criteria"][1]), dict(part_c["criteria"][1])
    food.update(code="C2a", product_sets=list(range(1, 21)))
    other.update(code="C2b", product_sets=list(range(21, 27)))
    part_c["criteria"][1:2] = [food, other]

    # when
    parsed = parse_criteria_set(copy.deepcopy(raw_set))

    # then
    assert [c.code for c in parsed.part("C").criteria] == ["C1", "C2a", "C2b", "C3"]
    assert parsed.part("C").criteria[2].applies_to(22)
    assert not parsed.part("C").criteria[2].applies_to(1)

    # and when the non-food variant forgets set 26
    other["product_sets"] = list(range(21, 26))
    with pytest.raises(ValueError, match="Part C: criteria add up to 20 for product set 26"):
        parse_criteria_set(raw_set)


def test_load_reads_a_file(tmp_path, raw_set):
    # given
    raw_set["parts"][0]["criteria"][2]["max_points"] = 11.5
    path = tmp_path / "tampered.json"
    path.write_text(json.dumps(raw_set), encoding="utf-8")

    # when / then: a fractional maximum is refused, not silently truncated
    with pytest.raises(ValueError, match="Criterion A3: max_points must be a positive integer"):
        load_criteria_set(path)


@pytest.fixture(scope="module")
def taxonomy():
    return json.loads(PRODUCT_SETS_PATH.read_text(encoding="utf-8"))


def test_taxonomy_has_six_sectors_and_26_sets(taxonomy):
    sectors = taxonomy["sectors"]
    sets = taxonomy["product_sets"]

    assert len(sectors) == 6
    assert [sector["code"] for sector in sectors] == ["I", "II", "III", "IV", "V", "VI"]
    assert len(sets) == 26
    assert [item["number"] for item in sets] == list(range(1, 27))


def test_taxonomy_entries_are_complete_and_unique(taxonomy):
    sectors = {sector["code"]: sector for sector in taxonomy["sectors"]}
    for entry in [*taxonomy["sectors"], *taxonomy["product_sets"]]:
        assert entry["slug"].isascii()
        assert entry["slug"] == entry["slug"].lower()
        assert entry["name_vi"] == unicodedata.normalize("NFC", entry["name_vi"])
        assert entry["name_en"]
    for item in taxonomy["product_sets"]:
        assert item["sector"] in sectors
    slugs = [item["slug"] for item in taxonomy["product_sets"]]
    assert len(set(slugs)) == len(slugs)
    assert len({sector["slug"] for sector in taxonomy["sectors"]}) == 6


def test_taxonomy_follows_the_148_sector_split(taxonomy):
    by_sector: dict[str, list[int]] = {}
    for item in taxonomy["product_sets"]:
        by_sector.setdefault(item["sector"], []).append(item["number"])

    assert by_sector == {
        "I": list(range(1, 14)),
        "II": [14, 15, 16, 17],
        "III": [18, 19, 20],
        "IV": [21, 22],
        "V": [23, 24, 25],
        "VI": [26],
    }


def test_taxonomy_names_keep_vietnamese_diacritics(taxonomy):
    names = {item["number"]: item["name_vi"] for item in taxonomy["product_sets"]}

    assert names[14] == "Rượu trắng"
    assert names[13] == "Cà phê, ca cao"
    assert names[9].startswith("Tương, nước mắm")
    assert {sector["name_vi"] for sector in taxonomy["sectors"]} >= {"Thực phẩm", "Đồ uống"}
