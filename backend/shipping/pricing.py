"""What a producer's delivery methods cost for one group of checkout lines."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from backend.shipping.models import DeliveryMethod, DeliveryMethodType, PricingType


@dataclass(frozen=True)
class DeliveryQuote:
    method: DeliveryMethod
    price: int


def _started_kilograms(weight_grams: int) -> int:
    return max(1, -(-weight_grams // 1000))


def method_price(
    method: DeliveryMethod, *, province_code: str | None, weight_grams: int, subtotal: int
) -> int | None:
    """The price in đồng, or None when the method cannot deliver there.

    ``method.rates`` must be prefetched. Pickup is free and needs no address; shipping needs
    a rate for ``province_code`` or a catch-all rate (blank province).
    """
    if not method.is_active:
        return None
    if method.type == DeliveryMethodType.PICKUP:
        return 0
    if not province_code:
        return None
    rates = {rate.province_code: rate for rate in method.rates.all()}
    rate = rates.get(province_code) or rates.get("")
    if rate is None:
        return None
    if method.free_above_amount is not None and subtotal >= method.free_above_amount:
        return 0
    if method.pricing == PricingType.WEIGHT:
        return rate.base_price_amount + (_started_kilograms(weight_grams) - 1) * rate.per_kg_amount
    return rate.base_price_amount


def quotes_for(
    methods: Iterable[DeliveryMethod],
    *,
    province_code: str | None,
    weight_grams: int,
    subtotal: int,
) -> list[DeliveryQuote]:
    """Applicable methods with their prices, cheapest first (then by the producer's order)."""
    quotes = []
    for method in methods:
        price = method_price(
            method, province_code=province_code, weight_grams=weight_grams, subtotal=subtotal
        )
        if price is not None:
            quotes.append(DeliveryQuote(method=method, price=price))
    return sorted(quotes, key=lambda quote: (quote.price, quote.method.sort_order, quote.method.pk))
