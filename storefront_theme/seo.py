"""schema.org JSON-LD for product pages."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from storefront_theme.pages import ProductPage
from storefront_theme.templatetags.storefront import thumbnail

# As Django's json_script: nothing in the data can close the <script> element.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def product_jsonld(request: HttpRequest, page: ProductPage, url: str) -> SafeString:
    product = page.product
    offers = [
        {
            "@type": "Offer",
            "sku": row.sku,
            "name": row.name,
            "price": row.price,
            "priceCurrency": "VND",
            "availability": "https://schema.org/"
            + ("InStock" if row.available > 0 else "OutOfStock"),
            "url": url,
            "seller": {"@type": "Organization", "name": product.producer.legal_name},
        }
        for row in page.variants
        if row.price is not None
    ]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "description": product.seo_description or product.description_plaintext[:300],
        "url": url,
        "sku": page.variants[0].sku if page.variants else None,
        "image": [request.build_absolute_uri(thumbnail(media, 1024)) for media in page.media],
        "brand": {"@type": "Brand", "name": product.producer.name},
        "offers": offers,
    }
    if page.certificate is not None:
        data["award"] = f"OCOP {page.certificate.stars}★ ({page.certificate.number})"
    text = json.dumps({k: v for k, v in data.items() if v is not None}, ensure_ascii=False)
    return mark_safe(text.translate(_ESCAPES))  # noqa: S308  (escaped like json_script)
