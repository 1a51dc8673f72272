"""Orders' part in a person's right to erasure and to a copy of their data (PDP Law 91/2025).

On deletion, orders keep what accounting and tax need (number, dates, lines, amounts,
payment state, and the province/commune of delivery for tax jurisdiction) and lose
everything that identifies the person; open checkouts are deleted outright.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from backend.accounts.models import Address, User
from backend.checkout.models import Checkout
from backend.orders.models import Order, OrderLine

IDENTIFYING_ADDRESS_FIELDS = (
    "first_name",
    "last_name",
    "company_name",
    "street_address_1",
    "street_address_2",
    "city_area",
    "postal_code",
    "phone",
)


def orders_anonymise_for_user(*, user: User) -> int:
    """Strip personal data from ``user``'s orders and delete their checkouts.

    Caller: the accounts ``user_deleting`` signal, inside the deletion's transaction.
    Returns how many orders were anonymised.
    """
    orders = Order.objects.filter(Q(user=user) | Q(user_email__iexact=user.email))
    address_ids = [
        pk
        for pair in orders.values_list("shipping_address_id", "billing_address_id")
        for pk in pair
        if pk is not None
    ]
    Address.objects.filter(pk__in=address_ids, user__isnull=True).update(
        **dict.fromkeys(IDENTIFYING_ADDRESS_FIELDS, ""), metadata={}, private_metadata={}
    )
    # The shopper wrote the lines' public metadata (copied from the checkout's lines). Before
    # the orders' update, which stops ``orders`` from matching them.
    OrderLine.objects.filter(order__in=orders).update(metadata={})
    count = orders.update(user=None, user_email="", customer_note="", redirect_url="", metadata={})
    checkouts = Checkout.objects.filter(Q(user=user) | Q(email__iexact=user.email))
    checkout_addresses = [
        pk
        for pair in checkouts.values_list("shipping_address_id", "billing_address_id")
        for pk in pair
        if pk is not None
    ]
    checkouts.delete()
    Address.objects.filter(pk__in=checkout_addresses, user__isnull=True).delete()
    return count


def orders_export_for_user(*, user: User) -> list[dict[str, Any]]:
    """The person's orders for their data export: what they bought, where, for how much."""
    orders = (
        Order.objects.filter(user=user)
        .select_related("shipping_address")
        .prefetch_related("lines")
        .order_by("number")
    )
    exported = []
    for order in orders:
        address = order.shipping_address
        exported.append(
            {
                "number": order.number,
                "created_at": order.created_at.isoformat(),
                "status": order.status,
                "email": order.user_email,
                "total_amount": order.total_amount,
                "currency": "VND",
                "payment_method": order.payment_method,
                "shipping_address": None
                if address is None
                else {
                    "name": f"{address.first_name} {address.last_name}".strip(),
                    "street_address_1": address.street_address_1,
                    "city": address.city,
                    "country_area": address.country_area,
                    "phone": address.phone,
                },
                "lines": [
                    {
                        "product_name": line.product_name,
                        "variant_name": line.variant_name,
                        "sku": line.product_sku,
                        "quantity": line.quantity,
                        "unit_price_amount": line.undiscounted_unit_price_amount,
                        "discount_amount": line.discount_amount,
                    }
                    for line in order.lines.all()
                ],
            }
        )
    return exported


def on_user_deleting(sender: Any, user: User, **kwargs: Any) -> None:
    orders_anonymise_for_user(user=user)


def on_user_data_exporting(sender: Any, user: User, **kwargs: Any) -> tuple[str, Any]:
    return "orders", orders_export_for_user(user=user)
