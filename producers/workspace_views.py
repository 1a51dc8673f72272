"""Workspace pages for selling: dashboard, products, orders and money.

Thin: find the producer through the scoped selector (another producer is a 404), clean the
POSTed fields, call one catalogue/orders/payments service, redirect with a message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from backend.catalog import services as catalog
from backend.catalog.access import product_for_write
from backend.catalog.models import ProductType
from backend.channels.selectors import channel_default
from backend.core.errors import DomainError, PermissionDenied
from backend.orders import services as orders
from backend.orders.selectors import order_get_for_user
from backend.payments import ledger
from backend.payments import selectors as money_reads
from backend.payments import services as payments
from producers import workspace_selectors as reads
from producers.forms import StatementMonthForm
from producers.models import Producer
from producers.views import _producer, _workspace


def _error_text(exc: Exception) -> str:
    if isinstance(exc, DomainError):
        return str(exc.message)
    if isinstance(exc, ValidationError):
        return " ".join(str(message) for message in exc.messages)
    return str(exc)


def _run(request: HttpRequest, action: Callable[[], Any], success: str) -> bool:
    """Run one service call in a transaction; show its error instead of a half-done write."""
    try:
        with transaction.atomic():
            action()
    except PermissionDenied as exc:
        raise Http404(exc.message) from exc
    except (DomainError, ValidationError, ValueError) as exc:
        messages.error(request, _error_text(exc))
        return False
    messages.success(request, success)
    return True


def _int(value: Any) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        raise ValidationError(_("Hãy nhập một số nguyên.")) from None


def _pk(value: Any) -> int:
    """A posted id; 0 (matches nothing) for anything that is not a number."""
    text = str(value or "")
    return int(text) if text.isdigit() else 0


@login_required
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    producer = _producer(request, slug)
    return _workspace(
        request,
        "producers/workspace/dashboard.html",
        producer,
        active="producers:workspace-dashboard",
        **reads.dashboard(producer),
    )


@login_required
def product_list(request: HttpRequest, slug: str) -> HttpResponse:
    producer = _producer(request, slug)
    if request.method == "POST":
        name = request.POST.get("name", "").strip()
        created: dict[str, Any] = {}

        def create() -> None:
            product_type = ProductType.objects.filter(
                pk=_pk(request.POST.get("product_type"))
            ).first()
            created["product"] = catalog.product_create(
                actor=request.user,
                producer_id=producer.pk,
                product_type_id=product_type.pk if product_type else None,
                data={"name": name},
            )

        if _run(request, create, _("Đã tạo sản phẩm.")):
            return redirect(
                "producers:workspace-product", slug=producer.slug, pk=created["product"].pk
            )
    return _workspace(
        request,
        "producers/workspace/products.html",
        producer,
        products=reads.products(producer),
        product_types=ProductType.objects.order_by("name"),
        active="producers:workspace-products",
    )


def _product_action(request: HttpRequest, producer: Producer, pk: int) -> None:
    user, post = request.user, request.POST
    action = post.get("action")
    if action == "details":
        text = post.get("description", "").strip()
        description = {"blocks": [{"type": "paragraph", "data": {"text": text}}]} if text else None
        _run(
            request,
            lambda: catalog.product_update(
                actor=user,
                product_id=pk,
                data={"name": post.get("name", "").strip(), "description": description},
            ),
            _("Đã lưu sản phẩm."),
        )
    elif action in {"publish", "unpublish"}:
        _run(
            request,
            lambda: catalog.product_channel_listing_update(
                actor=user,
                product_id=pk,
                update_channels=[
                    {
                        "channel_id": channel_default().pk,
                        "is_published": action == "publish",
                        "visible_in_listings": action == "publish",
                    }
                ],
                remove_channel_ids=[],
            ),
            _("Đã đăng bán.") if action == "publish" else _("Đã ngừng đăng bán."),
        )
    elif action == "price":

        def set_price() -> None:
            channel = channel_default()
            product = product_for_write(actor=user, product_id=pk)
            if not product.channel_listings.filter(channel=channel).exists():
                catalog.product_channel_listing_update(
                    actor=user,
                    product_id=pk,
                    update_channels=[{"channel_id": channel.pk, "is_published": False}],
                    remove_channel_ids=[],
                )
            catalog.product_variant_channel_listing_update(
                actor=user,
                variant_id=_int(post.get("variant")),
                listings=[{"channel_id": channel.pk, "price": _int(post.get("price"))}],
            )

        _run(request, set_price, _("Đã lưu giá."))
    elif action == "stock":
        _run(
            request,
            lambda: catalog.product_variant_stocks_update(
                actor=user,
                variant_id=_int(post.get("variant")),
                stocks=[
                    {
                        "warehouse_id": _int(post.get("warehouse")),
                        "quantity": _int(post.get("quantity")),
                    }
                ],
            ),
            _("Đã cập nhật tồn kho."),
        )
    elif action == "variant":
        _run(
            request,
            lambda: catalog.product_variant_create(
                actor=user,
                product_id=pk,
                data={"sku": post.get("sku", "").strip(), "name": post.get("name", "").strip()},
            ),
            _("Đã thêm biến thể."),
        )
    elif action == "image" and (image := request.FILES.get("image")) is not None:
        _run(
            request,
            lambda: catalog.product_media_create(
                actor=user,
                product=product_for_write(actor=user, product_id=pk),
                upload=image,
                alt=post.get("alt", ""),
            ),
            _("Đã tải ảnh lên."),
        )
    else:
        messages.error(request, _("Yêu cầu không hợp lệ."))


@login_required
def product_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    producer = _producer(request, slug)
    if reads.product(producer, pk) is None:
        raise Http404(_("Không tìm thấy sản phẩm."))
    if request.method == "POST":
        _product_action(request, producer, pk)
        return redirect("producers:workspace-product", slug=producer.slug, pk=pk)
    return _workspace(
        request,
        "producers/workspace/product_edit.html",
        producer,
        product=reads.product(producer, pk),
        warehouses=reads.warehouses(producer),
        active="producers:workspace-products",
    )


@login_required
def order_list(request: HttpRequest, slug: str) -> HttpResponse:
    producer = _producer(request, slug)
    if request.method == "POST":
        group = reads.fulfilment_groups(producer).filter(pk=_pk(request.POST.get("group"))).first()
        if group is None:
            raise Http404(_("Không tìm thấy nhóm giao hàng."))
        user = request.user
        if request.POST.get("action") == "ship":
            _run(
                request,
                lambda: orders.order_fulfill(
                    actor=user,
                    order=order_get_for_user(actor=user, order_id=group.order_id, for_update=True),
                    group=group,
                    tracking_number=request.POST.get("tracking_number", "").strip(),
                    carrier=request.POST.get("carrier", "").strip(),
                ),
                _("Đã đánh dấu đã gửi hàng."),
            )
        elif request.POST.get("action") == "cash":
            _run(
                request,
                lambda: payments.fulfillment_group_cash_collect(actor=user, group_id=group.pk),
                _("Đã ghi nhận thu tiền mặt."),
            )
        return redirect("producers:workspace-orders", slug=producer.slug)
    return _workspace(
        request,
        "producers/workspace/orders.html",
        producer,
        groups=reads.fulfilment_groups(producer)[:50],
        active="producers:workspace-orders",
    )


def _ledger_producer(request: HttpRequest, slug: str) -> Producer:
    """The workspace's producer, if the user may also read its ledger (the rule the
    statement downloads and the API apply); 404 otherwise."""
    producer = _producer(request, slug)
    try:
        return money_reads.producer_get_for_ledger(actor=request.user, producer_id=producer.pk)
    except DomainError as exc:  # PermissionDenied or NotFound
        raise Http404(exc.message) from exc


@login_required
def money(request: HttpRequest, slug: str) -> HttpResponse:
    """Balance, totals, one month's statement (``?month=YYYY-MM``, this month by default)
    and payouts. A month not in the picker is a 400 showing why, and no statement."""
    producer = _ledger_producer(request, slug)
    form = StatementMonthForm(
        request.GET.get("month"), months=reads.statement_months(since=producer.created_at)
    )
    statement = None
    if form.is_valid():
        first = form.cleaned_data["month"]
        statement = money_reads.producer_statement(
            producer=producer, year=first.year, month=first.month
        )
    return _workspace(
        request,
        "producers/workspace/money.html",
        producer,
        status=200 if statement else 400,
        form=form,
        statement=statement,
        balance=ledger.producer_balance(producer=producer),
        totals=money_reads.ledger_totals_for_producer(producer=producer),
        payouts=money_reads.payouts_latest_for_producer(producer=producer),
        return_window=settings.PAYOUT_RETURN_WINDOW_DAYS,
        active="producers:workspace-money",
    )
