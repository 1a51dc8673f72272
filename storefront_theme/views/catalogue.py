"""Catalogue pages: home, category, province, search, product, producer shop."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse

from backend.accounts.vn_units import province_by_code
from backend.catalog.selectors import category_queryset, product_get_for_user
from producers.selectors import producers_public_list, public_certificates, with_public_certificates
from storefront_theme import pages
from storefront_theme.editorjs import render_editorjs
from storefront_theme.forms import ProductListForm
from storefront_theme.seo import product_jsonld


def _listing(
    request: HttpRequest,
    template_context: dict[str, object],
    *,
    hide: tuple[str, ...] = (),
    **fixed: object,
) -> HttpResponse:
    form = ProductListForm(request.GET, categories=list(category_queryset()), hide=hide)
    page = pages.product_page_of(
        user=request.user,
        filters=form.product_filter(**fixed),
        sort=form.sort_value,
        page_number=request.GET.get("page"),
    )
    context = {"form": form, "page": page, **template_context}
    return render(request, "storefront/listing.html", context)


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "storefront/home.html", {"home": pages.home(user=request.user)})


def category(request: HttpRequest, slug: str) -> HttpResponse:
    found = category_queryset().select_related("parent").filter(slug=slug).first()
    if found is None:
        raise Http404
    children = list(found.children.all())
    context = {"heading": found.name, "category": found, "children": children}
    return _listing(request, context, hide=("category",), category_ids=(found.pk,))


def province(request: HttpRequest, province_code: str) -> HttpResponse:
    found = province_by_code(province_code)
    if found is None:
        raise Http404
    context = {"heading": found.full_name, "province": found}
    return _listing(request, context, hide=("province",), province_codes=(found.code,))


def search(request: HttpRequest) -> HttpResponse:
    return _listing(request, {"heading": None, "is_search": True})


def product(request: HttpRequest, slug: str) -> HttpResponse:
    channel = pages.shop_channel()
    found = product_get_for_user(user=request.user, channel=channel, slug=slug)
    if found is None:
        raise Http404
    page = pages.product_page(user=request.user, channel=channel, product=found)
    canonical = request.build_absolute_uri(reverse("storefront:product", args=[found.slug]))
    context = {
        "page": page,
        "product": found,
        "description_html": render_editorjs(found.description),
        "seller_address": pages.seller_address(found.producer),
        "canonical_url": canonical,
        "jsonld": product_jsonld(request, page, canonical),
    }
    return render(request, "storefront/product.html", context)


def product_gs1_redirect(request: HttpRequest, slug: str) -> HttpResponse:
    """The GS1 resolver links ``/products/<slug>/``; the storefront's page is Vietnamese."""
    return HttpResponsePermanentRedirect(reverse("storefront:product", args=[slug]))


def producer(request: HttpRequest, slug: str) -> HttpResponse:
    found = with_public_certificates(producers_public_list().filter(slug=slug)).first()
    if found is None:
        raise Http404
    context = {
        "heading": found.name,
        "producer": found,
        "seller_address": pages.seller_address(found),
        "documents": public_certificates(found),
    }
    return _listing(request, context, producer_ids=(found.pk,))
