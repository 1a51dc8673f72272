"""Reading checkouts: a guest's checkout is reached by its token, a shopper's by them alone."""

from __future__ import annotations

import uuid
from typing import Any

from django.utils.translation import gettext_lazy as _

from backend.checkout.models import Checkout
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
