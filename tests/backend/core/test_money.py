from decimal import Decimal

import pytest

from backend.core.money import Money, format_vnd, percent_of


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
