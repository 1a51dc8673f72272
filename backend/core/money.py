"""Money in Vietnamese đồng: whole numbers only (ISO 4217 VND has no minor unit)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypeVar

CURRENCY = "VND"
K = TypeVar("K")


@dataclass(frozen=True, order=True)
class Money:
    """An amount of VND. ``amount`` is always an int; floats are refused."""

    amount: int
    currency: str = CURRENCY

    def __post_init__(self) -> None:
        if isinstance(self.amount, bool) or not isinstance(self.amount, int):
            raise TypeError(f"Money amounts are whole đồng (int), got {self.amount!r}")
        if self.currency != CURRENCY:
            raise ValueError(f"Only {CURRENCY} is supported, got {self.currency!r}")

    def __add__(self, other: Money) -> Money:
        return Money(self.amount + other.amount)

    def __sub__(self, other: Money) -> Money:
        return Money(self.amount - other.amount)

    def __mul__(self, quantity: int) -> Money:
        if isinstance(quantity, bool) or not isinstance(quantity, int):
            raise TypeError("Money can only be multiplied by a whole quantity")
        return Money(self.amount * quantity)

    def __str__(self) -> str:
        return format_vnd(self.amount)


def round_vnd(value: Decimal) -> int:
    """Round a computed amount (a percentage of a price, say) half-up to whole đồng."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def whole_vnd(value: Any, *, minimum: int = 0, maximum: int | None = None) -> int | None:
    """``value`` (a number or numeric text) as whole đồng within [minimum, maximum], else
    None: VND has no minor unit, so a fraction is refused, never rounded away."""
    try:
        amount = Decimal(str(value))
    except ArithmeticError:
        return None
    if not amount.is_finite() or amount != amount.to_integral_value() or amount < minimum:
        return None
    if maximum is not None and amount > maximum:
        return None
    return int(amount)


def percent_of(amount: int, percent: Decimal) -> int:
    """``percent`` % of ``amount``, rounded half-up to whole đồng."""
    return round_vnd(Decimal(amount) * percent / Decimal(100))


def format_vnd(amount: int) -> str:
    """Vietnamese format: dot thousands separator, no decimals: ``85.000 ₫``."""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(amount):,}".replace(",", ".") + " ₫"


def apportion(total: int, weights: Mapping[K, int]) -> dict[K, int]:
    """Split ``total`` đồng over ``weights`` in proportion, in whole đồng that sum exactly to
    ``total`` (largest remainder: each key gets the floor of its exact share, and the đồng
    left go one each to the largest remainders, ties to the earlier key).

    Precondition: ``0 <= total`` and weights are ``>= 0``. When ``total <= sum(weights)``
    no key gets more than its weight. All zero when the weights sum to zero.
    """
    whole = sum(weights.values())
    if whole <= 0 or total <= 0:
        return dict.fromkeys(weights, 0)
    shares: dict[K, int] = {}
    remainders: list[tuple[int, int, K]] = []
    for index, (key, weight) in enumerate(weights.items()):
        shares[key], remainder = divmod(total * weight, whole)
        remainders.append((-remainder, index, key))
    for _remainder, _index, key in sorted(remainders)[: total - sum(shares.values())]:
        shares[key] += 1
    return shares
