"""A checkout's lines, per-producer delivery groups, totals and problems, computed at once.

``checkout_info`` is the single source of prices for the API, the storefront and
``checkout_complete``; it runs a constant number of queries whatever the cart holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from backend.checkout.availability import VariantFacts, purchase_problem, variant_facts
from backend.checkout.error_codes import CheckoutErrorCode
from backend.checkout.models import Checkout, CheckoutLine
from backend.checkout.selectors import checkout_delivery_choices, checkout_lines
from backend.discounts.models import Voucher
from backend.discounts.services import voucher_discounts, voucher_get_applicable
from backend.shipping.models import DeliveryMethod
from backend.shipping.pricing import DeliveryQuote, quotes_for
from backend.shipping.selectors import active_methods_by_producer
from producers.models import Producer


@dataclass
class LineInfo:
    line: CheckoutLine
    facts: VariantFacts
    problem: CheckoutErrorCode | None

    @property
    def unit_price(self) -> int:
        return self.facts.price or 0

    @property
    def total_price(self) -> int:
        return self.unit_price * self.line.quantity

    @property
    def insufficient_stock(self) -> bool:
        available = self.facts.available
        return available is not None and available < self.line.quantity


@dataclass
class DeliveryGroup:
    """One producer's lines and the delivery chosen for them."""

    producer: Producer
    lines: list[LineInfo] = field(default_factory=list)
    # The producer's active methods, and those that apply to this address and cart.
    methods: list[DeliveryMethod] = field(default_factory=list)
    quotes: list[DeliveryQuote] = field(default_factory=list)
    chosen_method_id: int | None = None
    discount: int = 0  # this producer's share of the voucher discount

    @property
    def subtotal(self) -> int:
        return sum(line.total_price for line in self.lines)

    @property
    def weight_grams(self) -> int:
        return sum(line.facts.weight_grams * line.line.quantity for line in self.lines)

    @property
    def is_shipping_required(self) -> bool:
        return any(
            line.facts.variant.product.product_type.is_shipping_required for line in self.lines
        )

    @property
    def selected(self) -> DeliveryQuote | None:
        """The chosen method while it still applies (address, weight and rates may change)."""
        return next((q for q in self.quotes if q.method.pk == self.chosen_method_id), None)

    @property
    def shipping_price(self) -> int:
        selected = self.selected
        return selected.price if selected and self.is_shipping_required else 0


@dataclass
class CheckoutInfo:
    checkout: Checkout
    lines: list[LineInfo]
    groups: list[DeliveryGroup]
    voucher: Voucher | None
    discount: int

    @property
    def subtotal(self) -> int:
        return sum(line.total_price for line in self.lines)

    @property
    def subtotals(self) -> dict[int, int]:
        """Producer id -> the sum of that producer's lines."""
        return {group.producer.pk: group.subtotal for group in self.groups}

    @property
    def shipping(self) -> int:
        return sum(group.shipping_price for group in self.groups)

    @property
    def total(self) -> int:
        return max(0, self.subtotal - self.discount) + self.shipping

    @property
    def quantity(self) -> int:
        return sum(line.line.quantity for line in self.lines)

    @property
    def is_shipping_required(self) -> bool:
        return any(group.is_shipping_required for group in self.groups)

    def group_for(self, producer_id: int) -> DeliveryGroup | None:
        return next((g for g in self.groups if g.producer.pk == producer_id), None)


def _province_code(checkout: Checkout) -> str | None:
    address = checkout.shipping_address
    return address.province_code if address is not None else None


# Where a priced checkout travels from the service that computed it to the API's resolvers.
_CACHE_ATTRIBUTE = "_ocop_info"


def checkout_info_cached(checkout: Checkout) -> CheckoutInfo:
    """``checkout_info`` once per checkout object (per request): a service that priced the
    checkout after its last write hands the result on with ``checkout_info_remember``."""
    cached: CheckoutInfo | None = getattr(checkout, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = checkout_info(checkout)
        checkout_info_remember(checkout, cached)
    return cached


def checkout_info_remember(checkout: Checkout, info: CheckoutInfo | None) -> None:
    """Keep ``info`` as the checkout's current prices (None: forget them after a write)."""
    setattr(checkout, _CACHE_ATTRIBUTE, info)


def checkout_info(
    checkout: Checkout,
    *,
    facts: Mapping[int, VariantFacts] | None = None,
    lines: Sequence[CheckoutLine] | None = None,
) -> CheckoutInfo:
    """Everything priced. ``checkout`` should come with channel and shipping_address loaded.
    ``facts``: variant facts the caller read in this transaction, for every line's variant;
    ``lines``: the checkout's current lines when the caller has them, in the order added."""
    if lines is None:
        lines = checkout_lines(checkout)
    if facts is None or any(line.variant_id not in facts for line in lines):
        facts = variant_facts((line.variant_id for line in lines), checkout.channel)
    line_infos = [
        LineInfo(
            line=line,
            facts=facts[line.variant_id],
            problem=purchase_problem(facts[line.variant_id], checkout.channel),
        )
        for line in lines
    ]
    groups: dict[int, DeliveryGroup] = {}
    for line_info in line_infos:
        producer = line_info.facts.variant.product.producer
        groups.setdefault(producer.pk, DeliveryGroup(producer=producer)).lines.append(line_info)
    if groups:
        methods_by_producer = active_methods_by_producer(groups.keys())
        chosen = checkout_delivery_choices(checkout)
        province = _province_code(checkout)
        for producer_id, group in groups.items():
            group.methods = methods_by_producer.get(producer_id, [])
            group.quotes = quotes_for(
                group.methods,
                province_code=province,
                weight_grams=group.weight_grams,
                subtotal=group.subtotal,
            )
            group.chosen_method_id = chosen.get(producer_id)
    info = CheckoutInfo(
        checkout=checkout, lines=line_infos, groups=list(groups.values()), voucher=None, discount=0
    )
    if checkout.voucher_code:
        subtotals = info.subtotals
        try:
            voucher = voucher_get_applicable(
                code=checkout.voucher_code,
                channel=checkout.channel,
                subtotals=subtotals,
                user_id=checkout.user_id,
                email=checkout.email,
            )
        except ValidationError:
            voucher = None  # shown as no discount; checkout_complete re-checks and refuses
        if voucher is not None:
            info.voucher = voucher
            shares = voucher_discounts(voucher, subtotals=subtotals)
            for group in info.groups:
                group.discount = shares[group.producer.pk]
            info.discount = sum(shares.values())
    return info
