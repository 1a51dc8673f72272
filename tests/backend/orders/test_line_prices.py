"""OrderLine's prices after the voucher, derived from what is stored: the total exact, the
unit price rounded half up to whole đồng."""

from __future__ import annotations

import pytest
from django.utils import translation

from backend.orders.models import Order, OrderLine


def line(*, unit: int, quantity: int, discount: int, code: str = "TET") -> OrderLine:
    return OrderLine(
        order=Order(voucher_code=code),
        quantity=quantity,
        undiscounted_unit_price_amount=unit,
        undiscounted_total_price_amount=unit * quantity,
        discount_amount=discount,
    )


@pytest.mark.parametrize(
    ("unit", "quantity", "discount", "total", "unit_price", "unit_discount"),
    [
        (50_000, 2, 0, 100_000, 50_000, 0),
        (50_000, 3, 1, 149_999, 50_000, 0),  # 49,999.67 rounds up
        (50_000, 2, 1, 99_999, 50_000, 0),  # 49,999.5: half up
        (50_000, 2, 3, 99_997, 49_999, 1),  # 49,998.5: half up
        (70_001, 3, 2_333, 207_670, 69_223, 778),  # 69,223.33 rounds down
        (10, 1, 10, 0, 0, 10),  # a line given away entirely
    ],
)
def test_total_is_exact_and_unit_price_is_rounded_half_up(
    unit, quantity, discount, total, unit_price, unit_discount
):
    # given
    order_line = line(unit=unit, quantity=quantity, discount=discount)

    # then
    assert order_line.total_price_amount == total
    assert order_line.unit_price_amount == unit_price
    assert order_line.unit_discount_amount == unit_discount
    assert abs(order_line.unit_price_amount * quantity - total) * 2 <= quantity


@pytest.mark.parametrize(
    ("language", "with_code", "without_code"),
    [
        ("vi", "Mã giảm giá: TET", "Giảm giá theo mã khuyến mãi"),
        ("en", "Voucher code: TET", "Voucher discount"),
    ],
)
def test_the_discount_reason_names_the_voucher_when_there_is_one(language, with_code, without_code):
    with translation.override(language):
        assert line(unit=100, quantity=1, discount=0).unit_discount_reason is None
        assert line(unit=100, quantity=1, discount=5).unit_discount_reason == with_code
        assert line(unit=100, quantity=1, discount=5, code="").unit_discount_reason == (
            without_code
        )
