"""The shopper's cart: a real checkout whose token lives in the session.

Views go through these helpers so the session key ``cart_count`` (shown in the header)
always matches the checkout it describes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from backend.checkout.error_codes import CheckoutErrorCode
from backend.checkout.info import CheckoutInfo
from backend.checkout.models import Checkout
from backend.checkout.selectors import checkout_get_for_user
from backend.core.errors import DomainError

SESSION_TOKEN = "checkout_token"  # noqa: S105 - a session key, not a secret
SESSION_COUNT = "cart_count"
# Checkout tokens this browser completed: a repeated "place order" finds its order again.
SESSION_COMPLETED = "completed_checkouts"
SOLD_OUT = _("Sản phẩm này đã hết hàng.")


def cart_token(request: HttpRequest) -> str | None:
    token = request.session.get(SESSION_TOKEN)
    return str(token) if token else None


def cart_get(request: HttpRequest, *, for_update: bool = False) -> Checkout | None:
    """The session's checkout, or None (a stale token is forgotten)."""
    token = cart_token(request)
    if token is None:
        return None
    try:
        return checkout_get_for_user(actor=request.user, token=token, for_update=for_update)
    except DomainError:
        cart_forget(request)
        return None


def cart_remember(request: HttpRequest, checkout: Checkout) -> None:
    request.session[SESSION_TOKEN] = str(checkout.token)


def cart_count_set(request: HttpRequest, info: CheckoutInfo | None) -> None:
    request.session[SESSION_COUNT] = info.quantity if info is not None else 0


def cart_forget(request: HttpRequest) -> None:
    request.session.pop(SESSION_TOKEN, None)
    request.session[SESSION_COUNT] = 0


def cart_completed(request: HttpRequest, token: uuid.UUID | str) -> None:
    """Forget the cart and remember that ``token`` became an order in this browser."""
    completed = [*request.session.get(SESSION_COMPLETED, []), str(token)][-10:]
    request.session[SESSION_COMPLETED] = completed
    cart_forget(request)


def was_completed_here(request: HttpRequest, token: str) -> bool:
    return token in request.session.get(SESSION_COMPLETED, [])


def error_messages(exc: ValidationError | DomainError) -> list[str]:
    """Messages for the page; "sold out" reads better than "only 0 left"."""
    if isinstance(exc, DomainError):
        return [str(exc.message)]
    messages = []
    for error in _flat(exc):
        params = error.params or {}
        if error.code == CheckoutErrorCode.INSUFFICIENT_STOCK.value and not params.get("available"):
            messages.append(str(SOLD_OUT))
        else:
            messages.extend(error.messages)
    return messages


def _flat(exc: ValidationError) -> Iterable[ValidationError]:
    if hasattr(exc, "error_dict"):
        for errors in exc.error_dict.values():
            yield from errors
    else:
        yield from exc.error_list


def field_errors(exc: ValidationError) -> dict[str, list[str]]:
    """Messages by field name, for forms that show them next to the input."""
    if not hasattr(exc, "error_dict"):
        return {"__all__": exc.messages}
    return {key: ValidationError(value).messages for key, value in exc.error_dict.items()}
