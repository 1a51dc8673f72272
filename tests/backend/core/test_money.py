from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.core.money import Money, apportion, format_vnd, percent_of, whole_vnd


@pytest.mark.parametrize(
    ("amount", "expected"),
    [(85000, "85.000 ₫"), (0, "0 ₫"), (1250000, "1.250.000 ₫"), (-5000, "-5.000 ₫")],
)
def test_format_vnd(amount, expected):
    assert format_vnd(amount) == expected


def test_money_refuses_floats_and_other_currencies():
    with pytest.raises(TypeError):
        Money(85000.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(True)
    with pytest.raises(ValueError):
        Money(1, "USD")


def test_money_arithmetic_stays_whole():
    assert Money(45000) * 3 + Money(5000) == Money(140000)
    assert str(Money(140000)) == "140.000 ₫"


def test_percent_rounds_half_up_to_whole_dong():
    assert percent_of(12345, Decimal("1.5")) == 185  # 185.175
    assert percent_of(100, Decimal("0.5")) == 1  # 0.5 rounds up


@pytest.mark.parametrize(
    ("total", "weights", "expected"),
    [
        (10_000, {"a": 100_000, "b": 200_000}, {"a": 3_333, "b": 6_667}),
        (100, {"a": 1, "b": 1, "c": 1}, {"a": 34, "b": 33, "c": 33}),  # tie: earlier key
        (3_333, {"x": 70_000, "y": 30_000}, {"x": 2_333, "y": 1_000}),
        (0, {"a": 5}, {"a": 0}),
        (7, {"a": 0, "b": 0}, {"a": 0, "b": 0}),
        (5, {"a": 5, "b": 0}, {"a": 5, "b": 0}),
    ],
)
def test_apportion_by_largest_remainder(total, weights, expected):
    assert apportion(total, weights) == expected


@given(
    weights=st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=12),
    fraction=st.fractions(min_value=0, max_value=1),
)
def test_apportion_parts_sum_exactly_and_stay_within_weights_and_shares(weights, fraction):
    whole = sum(weights)
    total = int(whole * fraction)
    parts = apportion(total, dict(enumerate(weights)))
    if whole:
        assert sum(parts.values()) == total
    for key, weight in enumerate(weights):
        assert 0 <= parts[key] <= weight
        if whole:
            assert abs(parts[key] - Fraction(total * weight, whole)) < 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (85000, 85000),
        ("85000", 85000),
        (Decimal("85000.00"), 85000),
        (Decimal("85000.5"), None),
        ("NaN", None),
        ("Infinity", None),
        ("abc", None),
        (-1, None),
        (0, 0),
    ],
)
def test_whole_vnd_accepts_whole_dong_only(value, expected):
    assert whole_vnd(value) == expected


def test_whole_vnd_bounds():
    assert whole_vnd(0, minimum=1) is None
    assert whole_vnd(10**12, maximum=10**12) == 10**12
    assert whole_vnd(10**12 + 1, maximum=10**12) is None
