"""Account pages: register, confirm, sign in/out (Django session), orders, addresses, deletion.

Sign-in goes through ``accounts.services.user_authenticate`` (the rules of AccountBackend)
so the page can say why it refused; the session is then opened for AccountBackend.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from backend.accounts import addresses as address_services
from backend.accounts import services as account_services
from backend.accounts import throttling, vn_units
from backend.accounts.models import User
from backend.accounts.selectors import address_get_for_user, address_list_for_user
from backend.checkout import services as checkout_services
from backend.core.errors import DomainError
from backend.orders.selectors import customer_orders
from storefront_theme import cart
from storefront_theme.purchase_forms import ADDRESS_FIELDS, address_values

BACKEND = "backend.accounts.backends.AccountBackend"
SIGN_IN = "storefront_purchase:sign-in"
ORDERS_PER_PAGE = 20


def _me(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # the views using it require a signed-in user
    return user


def _site_url(name: str) -> str:
    # Emailed links point at the public site (a host in ALLOWED_CLIENT_HOSTS).
    return settings.PUBLIC_URL + reverse(name)


@require_GET
@login_required(login_url=SIGN_IN)
def account_home(request: HttpRequest) -> HttpResponse:
    recent = customer_orders(actor=_me(request)).order_by("-created_at")[:5]
    return render(request, "storefront/account/home.html", {"orders": recent})


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        try:
            must_confirm = account_services.user_register(
                email=request.POST.get("email", ""),
                password=request.POST.get("password", ""),
                first_name=request.POST.get("first_name", ""),
                last_name=request.POST.get("last_name", ""),
                language_code=request.LANGUAGE_CODE,
                redirect_url=_site_url("storefront_purchase:confirm"),
            )
        except ValidationError as exc:
            errors = cart.field_errors(exc)
        else:
            if must_confirm:
                messages.success(
                    request, _("Đã gửi email xác nhận. Hãy mở liên kết trong email để kích hoạt.")
                )
            else:
                messages.success(request, _("Đã tạo tài khoản. Mời bạn đăng nhập."))
            return redirect(SIGN_IN)
    context = {"errors": errors, "data": request.POST}
    return render(
        request, "storefront/account/register.html", context, status=400 if errors else 200
    )


@require_GET
def confirm(request: HttpRequest) -> HttpResponse:
    try:
        account_services.user_confirm(
            email=request.GET.get("email", ""), token=request.GET.get("token", "")
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Tài khoản đã được xác nhận. Mời bạn đăng nhập."))
    return redirect(SIGN_IN)


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    errors: list[str] = []
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = ""
    if request.method == "POST":
        try:
            user = account_services.user_authenticate(
                email=request.POST.get("email", ""),
                password=request.POST.get("password", ""),
                ip=throttling.client_ip(request),
            )
        except ValidationError as exc:
            errors = exc.messages
        else:
            guest_cart = cart.cart_get(request)
            login(request, user, backend=BACKEND)
            if guest_cart is not None and guest_cart.user_id is None:
                # The cart filled before signing in becomes the shopper's own.
                checkout_services.checkout_customer_attach(actor=user, checkout=guest_cart)
            return redirect(next_url or "storefront_purchase:account")
    context = {"errors": errors, "email": request.POST.get("email", ""), "next": next_url}
    return render(
        request, "storefront/account/sign_in.html", context, status=400 if errors else 200
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("Bạn đã đăng xuất."))
    return redirect(SIGN_IN)


@require_GET
@login_required(login_url=SIGN_IN)
def orders(request: HttpRequest) -> HttpResponse:
    queryset = customer_orders(actor=_me(request)).order_by("-created_at", "-pk")
    page = Paginator(queryset, ORDERS_PER_PAGE).get_page(request.GET.get("trang"))
    return render(request, "storefront/account/orders.html", {"page": page})


def _address_page(
    request: HttpRequest,
    *,
    values: dict[str, str],
    errors: dict[str, list[str]] | None = None,
    address_id: int | None = None,
) -> HttpResponse:
    province = vn_units.province_by_code(values.get("country_area") or "")
    context = {
        "addresses": address_list_for_user(actor=_me(request)),
        "address": values,
        "address_id": address_id,
        "field_errors": errors or {},
        "provinces": vn_units.provinces(),
        "communes": vn_units.wards_of(province.code) if province else [],
    }
    return render(
        request, "storefront/account/addresses.html", context, status=400 if errors else 200
    )


def _posted_address(request: HttpRequest) -> dict[str, str]:
    return {key: request.POST.get(key, "") for key in ADDRESS_FIELDS}


@require_http_methods(["GET", "POST"])
@login_required(login_url=SIGN_IN)
def addresses(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _address_page(request, values=address_values(None))
    values = _posted_address(request)
    if request.POST.get("action") == "province":
        return _address_page(request, values=values)
    try:
        with transaction.atomic():
            address_services.address_create(actor=_me(request), data=values)
    except ValidationError as exc:
        return _address_page(request, values=values, errors=cart.field_errors(exc))
    messages.success(request, _("Đã lưu địa chỉ."))
    return redirect("storefront_purchase:addresses")


@require_http_methods(["GET", "POST"])
@login_required(login_url=SIGN_IN)
def address_edit(request: HttpRequest, address_id: int) -> HttpResponse:
    try:
        address = address_get_for_user(actor=_me(request), address_id=address_id)
    except DomainError:
        raise Http404 from None
    if request.method == "GET":
        return _address_page(request, values=address_values(address), address_id=address_id)
    values = _posted_address(request)
    if request.POST.get("action") == "province":
        return _address_page(request, values=values, address_id=address_id)
    try:
        with transaction.atomic():
            address_services.address_update(actor=_me(request), address_id=address_id, data=values)
    except ValidationError as exc:
        return _address_page(
            request, values=values, errors=cart.field_errors(exc), address_id=address_id
        )
    messages.success(request, _("Đã lưu địa chỉ."))
    return redirect("storefront_purchase:addresses")


@require_POST
@login_required(login_url=SIGN_IN)
def address_delete(request: HttpRequest, address_id: int) -> HttpResponse:
    try:
        address_services.address_delete(actor=_me(request), address_id=address_id)
    except DomainError:
        raise Http404 from None
    messages.success(request, _("Đã xoá địa chỉ."))
    return redirect("storefront_purchase:addresses")


@require_POST
@login_required(login_url=SIGN_IN)
def address_default(request: HttpRequest, address_id: int) -> HttpResponse:
    try:
        for kind in address_services.AddressType.values:
            address_services.address_set_default(
                actor=_me(request), address_id=address_id, address_type=kind
            )
    except DomainError:
        raise Http404 from None
    messages.success(request, _("Đã đặt làm địa chỉ mặc định."))
    return redirect("storefront_purchase:addresses")


@require_http_methods(["GET", "POST"])
@login_required(login_url=SIGN_IN)
def delete_account(request: HttpRequest) -> HttpResponse:
    """Step 1 (no token): email a confirmation link. Step 2 (the link): erase the account."""
    token = request.POST.get("token") or request.GET.get("token") or ""
    if request.method == "GET":
        return render(request, "storefront/account/delete.html", {"token": token})
    try:
        with transaction.atomic():
            if token:
                account_services.user_delete(actor=_me(request), token=token)
            else:
                account_services.user_request_deletion(
                    actor=_me(request), redirect_url=_site_url("storefront_purchase:delete")
                )
    except ValidationError as exc:
        context = {"token": token, "errors": exc.messages}
        return render(request, "storefront/account/delete.html", context, status=400)
    if token:
        logout(request)
        messages.success(request, _("Tài khoản của bạn đã được xoá."))
        return redirect(SIGN_IN)
    messages.success(request, _("Đã gửi email xác nhận xoá tài khoản."))
    return redirect("storefront_purchase:account")
