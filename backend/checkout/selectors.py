"""Reading checkouts: a guest's checkout is reached by its token, a shopper's by them alone."""

from __future__ import annotations

import uuid
from typing import Any

from django.utils.translation import gettext_lazy as _

from backend.accounts.models import Address
from backend.channels.models import Channel
from backend.checkout.models import Checkout, CheckoutLine
from backend.core.db.rows import attach, model_columns, prepared_cursor
from backend.core.errors import NotFound


def _may_access(actor: Any, checkout: Checkout) -> bool:
    if checkout.user_id is None:
        return True
    return bool(getattr(actor, "is_authenticated", False) and actor.pk == checkout.user_id)


def checkout_get_for_user(
    *, actor: Any, token: uuid.UUID | str | None, for_update: bool = False
) -> Checkout:
    """The checkout ``token`` names, if ``actor`` may use it; NotFound otherwise.

    A signed-in shopper's checkout is invisible to everyone else, staff included, so
    another person's token reads exactly like a token that does not exist.
    """
    try:
        key = token if isinstance(token, uuid.UUID) else uuid.UUID(str(token))
    except (TypeError, ValueError):
        raise NotFound(str(_("Không tìm thấy giỏ hàng.")), field="id") from None
    checkout = _checkout_with_channel_and_addresses(key, for_update=for_update)
    if checkout is None or not _may_access(actor, checkout):
        raise NotFound(str(_("Không tìm thấy giỏ hàng.")), field="id")
    return checkout


def _checkout_with_channel_and_addresses(token: uuid.UUID, *, for_update: bool) -> Checkout | None:
    """``select_related("channel", "shipping_address", "billing_address")`` in hand-written
    SQL: every checkout step starts here (see backend/core/db/rows.py)."""
    checkout, channel, address = (
        model_columns(Checkout),
        model_columns(Channel),
        model_columns(Address),
    )
    # Identifiers come from the models; the token is a bound parameter.
    sql = f"""
        SELECT {checkout.select("c")}, {channel.select("ch")},
               {address.select("sa")}, {address.select("ba")}
          FROM checkout_checkout c
          JOIN channels_channel ch ON ch.id = c.channel_id
          LEFT JOIN accounts_address sa ON sa.id = c.shipping_address_id
          LEFT JOIN accounts_address ba ON ba.id = c.billing_address_id
         WHERE c.token = %s::uuid
    """  # noqa: S608
    if for_update:
        sql += " FOR UPDATE OF c"
    with prepared_cursor() as cursor:
        cursor.execute(sql, [token])
        row = cursor.fetchone()
    if row is None:
        return None
    found: Checkout = checkout.build(row)  # type: ignore[assignment]
    offset = checkout.width
    attach(found, "channel", channel.build(row, offset))
    offset += channel.width
    attach(found, "shipping_address", address.build_nullable(row, offset))
    attach(found, "billing_address", address.build_nullable(row, offset + address.width))
    return found


def checkout_lines(checkout: Checkout) -> list[CheckoutLine]:
    """The checkout's lines in the order they were added (hand-written SQL: read by every
    checkout step, see backend/core/db/rows.py)."""
    columns = model_columns(CheckoutLine)
    sql = (
        f"SELECT {columns.select('l')} FROM checkout_checkoutline l "  # noqa: S608
        "WHERE l.checkout_id = %s::uuid ORDER BY l.created_at, l.id"
    )
    with prepared_cursor() as cursor:
        cursor.execute(sql, [checkout.pk])
        return [columns.build(row) for row in cursor.fetchall()]  # type: ignore[misc]


def checkout_delivery_choices(checkout: Checkout) -> dict[int, int]:
    """Producer id -> the delivery method chosen for that producer's group."""
    with prepared_cursor() as cursor:
        cursor.execute(
            "SELECT producer_id, delivery_method_id FROM checkout_checkoutdelivery "
            "WHERE checkout_id = %s::uuid",
            [checkout.pk],
        )
        return dict(cursor.fetchall())


def checkout_line_get_for_user(
    *, actor: Any, line_id: int, for_update: bool = False
) -> CheckoutLine:
    """The checkout line ``line_id`` names, with ``line.checkout`` fetched (and locked) by
    ``checkout_get_for_user``: a line is reachable exactly when its checkout is."""
    not_found = NotFound(str(_("Không tìm thấy dòng giỏ hàng.")), field="id")
    token = CheckoutLine.objects.filter(pk=line_id).values_list("checkout_id", flat=True).first()
    if token is None:
        raise not_found
    try:
        checkout = checkout_get_for_user(actor=actor, token=token, for_update=for_update)
    except NotFound:
        raise not_found from None
    # Read again under the checkout's lock: the line may have gone meanwhile.
    line = checkout.lines.filter(pk=line_id).first()
    if line is None:
        raise not_found
    line.checkout = checkout
    return line
