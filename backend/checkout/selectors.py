"""Reading checkouts: a guest's checkout is reached by its token, a shopper's by them alone."""

from __future__ import annotations

import uuid
from typing import Any

from django.utils.translation import gettext_lazy as _

from backend.checkout.models import Checkout, CheckoutLine
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
    queryset = Checkout.objects.select_related("channel", "shipping_address", "billing_address")
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    checkout = queryset.filter(pk=key).first()
    if checkout is None or not _may_access(actor, checkout):
        raise NotFound(str(_("Không tìm thấy giỏ hàng.")), field="id")
    return checkout


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
