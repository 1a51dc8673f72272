"""Cart, checkout and order pages. Thin: parse the form, call one service, shape the page.

Every write runs in one database transaction, so a refused request leaves nothing behind.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from backend.accounts import vn_units
from backend.checkout import services as checkout_services
from backend.checkout.complete import checkout_complete
from backend.checkout.info import CheckoutInfo, checkout_info
from backend.checkout.models import Checkout
from backend.checkout.selectors import checkout_get_for_user
from backend.checkout.services import LineChange
from backend.core.errors import DomainError
from backend.orders.models import Order, OrderChargeStatus
from backend.orders.selectors import fulfillment_groups_for_user
from backend.payments import selectors as payment_selectors
from backend.payments import services as payment_services
from backend.payments.gateways import GATEWAYS, available_gateways
from backend.payments.gateways.stripe import stripe_gateway
from backend.payments.gateways.vietqr import vietqr_gateway
from storefront_theme import cart
from storefront_theme.purchase_forms import (
    ADDRESS_FIELDS,
    address_initial,
    parse_delivery_choices,
    parse_quantity,
)

BAD_INPUT = 400
STRIPE_CSP = (
    "default-src 'self'; img-src 'self' data: https:; script-src 'self' https://js.stripe.com; "
    "frame-src https://js.stripe.com https://hooks.stripe.com; connect-src 'self' "
    "https://api.stripe.com; style-src 'self' 'unsafe-inline'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def _info(checkout: Checkout | None) -> CheckoutInfo | None:
    return checkout_info(checkout) if checkout is not None else None


# --- cart ----------------------------------------------------------------------------------


@require_GET
def cart_detail(request: HttpRequest) -> HttpResponse:
    info = _info(cart.cart_get(request))
    cart.cart_count_set(request, info)
    return render(request, "storefront/purchase/cart.html", {"info": info})


def _change_cart(request: HttpRequest, change: Any, done: Any = None) -> HttpResponse:
    """Run ``change(checkout or None)`` in a transaction; show its errors on the cart page,
    or the ``done`` message."""
    try:
        with transaction.atomic():
            checkout = change(cart.cart_get(request, for_update=True))
            info = _info(checkout)
    except (ValidationError, DomainError) as exc:
        for message in cart.error_messages(exc):
            messages.error(request, message)
        return redirect("storefront_purchase:cart")
    if checkout is not None:
        cart.cart_remember(request, checkout)
    cart.cart_count_set(request, info)
    if done is not None:
        messages.success(request, done)
    return redirect("storefront_purchase:cart")


@require_POST
def cart_add(request: HttpRequest) -> HttpResponse:
    try:
        quantity = parse_quantity(request.POST.get("quantity", "1"))
        variant_id = int(request.POST.get("variant", ""))
    except (ValidationError, ValueError) as exc:
        message = exc.messages[0] if isinstance(exc, ValidationError) else None
        messages.error(request, message or str(_("Không tìm thấy sản phẩm.")))
        return redirect("storefront_purchase:cart")
    lines = [LineChange(variant_id=variant_id, quantity=quantity)]

    def change(checkout: Checkout | None) -> Checkout:
        if checkout is None:
            return checkout_services.checkout_create(
                actor=request.user,
                channel_slug=None,
                lines=lines,
                language_code=request.LANGUAGE_CODE,
            )
        return checkout_services.checkout_lines_add(checkout=checkout, lines=lines)

    return _change_cart(request, change, _("Đã thêm vào giỏ hàng."))


@require_POST
def cart_update(request: HttpRequest) -> HttpResponse:
    """Set a line's quantity (0 or the "remove" button deletes it)."""
    try:
        line_id = int(request.POST.get("line", ""))
        raw = "0" if "remove" in request.POST else request.POST.get("quantity", "")
        quantity = parse_quantity(raw, zero_allowed=True)
    except (ValidationError, ValueError) as exc:
        message = exc.messages[0] if isinstance(exc, ValidationError) else None
        messages.error(request, message or str(_("Không tìm thấy dòng hàng.")))
        return redirect("storefront_purchase:cart")

    def change(checkout: Checkout | None) -> Checkout:
        if checkout is None:
            raise DomainError("NOT_FOUND", str(_("Giỏ hàng trống.")), field="line")
        return checkout_services.checkout_lines_update(
            checkout=checkout, lines=[LineChange(line_id=line_id, quantity=quantity)]
        )

    return _change_cart(request, change)


# --- checkout ------------------------------------------------------------------------------


def _page(
    request: HttpRequest,
    checkout: Checkout,
    *,
    errors: list[str] | None = None,
    field_errors: dict[str, list[str]] | None = None,
    data: Any = None,
    status: int = 200,
) -> HttpResponse:
    info = checkout_info(checkout)
    cart.cart_count_set(request, info)
    initial = address_initial(checkout, data)
    province = vn_units.province_by_code(initial["country_area"] or "")
    context = {
        "info": info,
        "checkout": checkout,
        "errors": errors or [],
        "field_errors": field_errors or {},
        "address": initial,
        "provinces": vn_units.provinces(),
        "communes": vn_units.wards_of(province.code) if province else [],
        "gateways": available_gateways(amount=info.total),
        "chosen_payment": (data or {}).get("payment", "cod"),
    }
    return render(request, "storefront/purchase/checkout.html", context, status=status)


@require_http_methods(["GET", "POST"])
def checkout_page(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and request.POST.get("action") == "place":
        return _place_order(request)
    checkout = cart.cart_get(request)
    if checkout is None or not checkout.lines.exists():
        messages.info(request, _("Giỏ hàng trống."))
        return redirect("storefront_purchase:cart")
    if request.method == "GET":
        return _page(request, checkout)
    action = request.POST.get("action")
    if action == "province":
        # The no-JavaScript commune picker: show the chosen province's communes.
        return _page(request, checkout, data=request.POST)
    try:
        with transaction.atomic():
            checkout = checkout_get_for_user(
                actor=request.user, token=checkout.token, for_update=True
            )
            if action == "address":
                checkout_services.checkout_email_update(
                    checkout=checkout, email=request.POST.get("email", "")
                )
                checkout_services.checkout_address_update(
                    checkout=checkout,
                    data={key: request.POST.get(key, "") for key in ADDRESS_FIELDS},
                    address_type="shipping",
                )
                _choose_missing_deliveries(checkout)
            elif action == "delivery":
                checkout_services.checkout_delivery_methods_update(
                    checkout=checkout, choices=parse_delivery_choices(request.POST)
                )
    except (ValidationError, DomainError) as exc:
        errors = cart.error_messages(exc)
        fields = cart.field_errors(exc) if isinstance(exc, ValidationError) else {}
        return _page(
            request, checkout, errors=errors, field_errors=fields, data=request.POST, status=400
        )
    return redirect(reverse("storefront_purchase:checkout") + "#giao-hang")


def _choose_missing_deliveries(checkout: Checkout) -> None:
    """Preselect each producer's cheapest delivery, so the totals shown are the real ones."""
    info = checkout_info(checkout)
    choices = [
        (group.producer.pk, group.quotes[0].method.pk)
        for group in info.groups
        if group.selected is None and group.quotes
    ]
    if choices:
        checkout_services.checkout_delivery_methods_update(checkout=checkout, choices=choices)


def _place_order(request: HttpRequest) -> HttpResponse:
    """Deliveries, payment choice and the order in one transaction, keyed by the posted
    checkout token: a repeated submit of the same form finds the same order."""
    token = request.POST.get("checkout_token", "")
    completed_here = cart.was_completed_here(request, token)
    if token != cart.cart_token(request) and not completed_here:
        checkout = cart.cart_get(request)
        changed = str(_("Giỏ hàng đã thay đổi; hãy kiểm tra lại rồi đặt hàng."))
        if checkout is None:
            messages.error(request, changed)
            return redirect("storefront_purchase:cart")
        return _page(request, checkout, errors=[changed], data=request.POST, status=400)
    payment = request.POST.get("payment", "")
    try:
        with transaction.atomic():
            if not completed_here:
                _prepare(request, token, payment)
            order = checkout_complete(
                actor=request.user, token=token, payment_data={"gateway": payment}
            )
            gateway = next((g for g in GATEWAYS.values() if g.method == order.payment_method), None)
            if gateway is not None and gateway.method != "cod":
                payment_services.transaction_initialize(
                    actor=request.user,
                    order=order,
                    gateway_id=gateway.id,
                    idempotency_key=f"storefront-{order.token}",
                )
    except (ValidationError, DomainError) as exc:
        checkout = cart.cart_get(request)
        if checkout is None:
            for text in cart.error_messages(exc):
                messages.error(request, text)
            return redirect("storefront_purchase:cart")
        return _page(
            request, checkout, errors=cart.error_messages(exc), data=request.POST, status=400
        )
    cart.cart_completed(request, token)
    return redirect("storefront_purchase:order", token=order.token)


def _prepare(request: HttpRequest, token: str, payment: str) -> None:
    try:
        checkout = checkout_get_for_user(actor=request.user, token=token, for_update=True)
    except DomainError:
        return  # completed by a concurrent submit: checkout_complete returns its order
    choices = parse_delivery_choices(request.POST)
    if choices:
        checkout_services.checkout_delivery_methods_update(checkout=checkout, choices=choices)
    methods = {gateway.method for gateway in available_gateways(amount=_total(checkout))}
    if payment not in methods:
        raise ValidationError(
            _("Hãy chọn một cách thanh toán trong danh sách."), code="PAYMENT_ERROR"
        )


def _total(checkout: Checkout) -> int:
    return checkout_info(checkout).total


@require_GET
def communes(request: HttpRequest, province_code: str) -> JsonResponse:
    """The communes of a province, for the checkout's commune picker."""
    province = vn_units.province_by_code(province_code)
    if province is None:
        return JsonResponse({"error": str(_("Không tìm thấy tỉnh/thành phố."))}, status=404)
    wards = vn_units.wards_of(province.code)
    return JsonResponse(
        {
            "province": {"code": province.code, "name": province.full_name},
            "communes": [{"code": ward.code, "name": ward.full_name} for ward in wards],
        }
    )


# --- orders --------------------------------------------------------------------------------


def _order(request: HttpRequest, token: str) -> Order:
    try:
        order = payment_selectors.order_get_for_payment(actor=request.user, reference=str(token))
    except DomainError:
        raise Http404 from None
    return order


@require_GET
def order_detail(request: HttpRequest, token: str) -> HttpResponse:
    order = _order(request, token)
    groups = (
        fulfillment_groups_for_user(actor=request.user, order=order)
        .select_related("producer")
        .prefetch_related("lines")
        .order_by("fulfillment_order")
    )
    waiting = order.charge_status in (OrderChargeStatus.NONE, OrderChargeStatus.PARTIAL)
    transfer = None
    if order.payment_method == vietqr_gateway.method and waiting:
        transfer = vietqr_gateway.instructions(
            order_number=order.number, amount=order.total_amount - order.total_charged_amount
        )
    stripe = None
    if order.payment_method == stripe_gateway.method and waiting:
        item = (
            payment_selectors.order_transactions(order=order)
            .filter(gateway=stripe_gateway.id)
            .last()
        )
        data = (item.private_metadata.get("data") or {}) if item else {}
        if data.get("clientSecret"):
            stripe = {**stripe_gateway.public_config(), "clientSecret": data["clientSecret"]}
    context = {
        "order": order,
        "groups": list(groups),
        "waiting": waiting,
        "transfer": transfer,
        "stripe": stripe,
    }
    response = render(request, "storefront/purchase/order.html", context)
    if stripe is not None:
        response.headers["Content-Security-Policy"] = STRIPE_CSP
    return response


@require_GET
def order_status(request: HttpRequest, token: str) -> JsonResponse:
    """What the order page polls while it waits for a transfer."""
    order = _order(request, token)
    return JsonResponse(
        {
            "status": order.status,
            "chargeStatus": order.charge_status,
            "paid": order.charge_status in (OrderChargeStatus.FULL, OrderChargeStatus.OVERCHARGED),
        }
    )
