"""``/sitemap.xml`` and ``/robots.txt``."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from backend.catalog.selectors import category_queryset, product_queryset_for_user
from producers.selectors import producers_public_list
from storefront_theme.pages import shop_channel

# Pages only for one shopper (cart, checkout, account) and the back offices stay unindexed.
PRIVATE_PATHS = (
    "/admin/",
    "/graphql/",
    "/workspace/",
    "/staff/",
    "/officials/",
    "/gio-hang/",
    "/thanh-toan/",
    "/don-hang/",
    "/tai-khoan/",
    "/trace/manage/",
)


def sitemap(request: HttpRequest) -> HttpResponse:
    """What a shopper can see: listed products, categories and approved producers."""
    products = product_queryset_for_user(
        user=AnonymousUser(), channel=shop_channel(), in_listings=True
    ).order_by("pk")
    urls: list[tuple[str, datetime | None]] = [(request.build_absolute_uri("/"), None)]
    urls += [
        (request.build_absolute_uri(reverse("storefront:category", args=[slug])), updated)
        for slug, updated in category_queryset().values_list("slug", "updated_at")
    ]
    urls += [
        (request.build_absolute_uri(reverse("storefront:product", args=[slug])), updated)
        for slug, updated in products.values_list("slug", "updated_at")
    ]
    urls += [
        (request.build_absolute_uri(reverse("storefront:producer", args=[slug])), updated)
        for slug, updated in producers_public_list()
        .order_by("pk")
        .values_list("slug", "updated_at")
    ]
    return render(request, "storefront/sitemap.xml", {"urls": urls}, content_type="application/xml")


def robots(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in PRIVATE_PATHS)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('storefront:sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
