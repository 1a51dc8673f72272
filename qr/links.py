"""The links a GS1 Digital Link resolves to, as a Link header or an RFC 9264 linkset."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from django.conf import settings

from qr.gs1 import build_digital_link
from qr.models import Batch

GS1_VOC = "https://gs1.org/voc/"
DEFAULT_LINK = "gs1:defaultLink"


@dataclass(frozen=True)
class Link:
    rel: str  # compact form, "gs1:pip"
    href: str
    type: str
    title: str
    hreflang: tuple[str, ...] = ()

    def header_value(self) -> str:
        parts = [f"<{self.href}>", f'rel="{self.rel}"', f'type="{self.type}"']
        parts += [f'hreflang="{language}"' for language in self.hreflang]
        # RFC 8288 section 3.4.1: non-ASCII titles travel as title*=UTF-8''<pct-encoded>.
        if self.title.isascii():
            parts.append('title="{}"'.format(self.title.replace('"', "'")))
        else:
            parts.append("title*=UTF-8''" + quote(self.title, safe=""))
        return "; ".join(parts)


def link_type_uri(rel: str) -> str:
    return GS1_VOC + rel.removeprefix("gs1:")


def normalize_link_type(value: str) -> str:
    """Accept "gs1:pip", "pip" and "https://gs1.org/voc/pip"; return "gs1:pip"."""
    value = value.strip()
    if value.startswith(GS1_VOC):
        return "gs1:" + value.removeprefix(GS1_VOC)
    return value if value.startswith("gs1:") else "gs1:" + value


def digital_link_path(*, gtin: str, lot: str | None = None, serial: str | None = None) -> str:
    """The path part ("/01/.../10/...") of a Digital Link, percent-encoded like the URI."""
    marker = "https://x.invalid"
    return build_digital_link(base_url=marker, gtin=gtin, lot=lot, serial=serial)[len(marker) :]


def batch_links(
    *, absolute: Any, batch: Batch, serial: str | None, certificate: Any | None
) -> list[Link]:
    """Links of a known batch; ``absolute(path)`` makes a path an absolute URL."""
    languages = tuple(code for code, _name in settings.LANGUAGES)
    product = batch.variant.product
    path = digital_link_path(gtin=batch.gtin, lot=batch.lot_code, serial=serial)
    trace = absolute("/trace" + path)
    links = [
        Link(DEFAULT_LINK, trace, "text/html", "Truy xuất nguồn gốc", languages),
        Link("gs1:traceability", trace, "text/html", "Truy xuất nguồn gốc", languages),
        Link(
            "gs1:pip", absolute(f"/products/{product.slug}/"), "text/html", product.name, languages
        ),
        Link(
            "gs1:epcis",
            absolute("/trace/epcis" + digital_link_path(gtin=batch.gtin, lot=batch.lot_code)),
            "application/ld+json",
            "EPCIS 2.0",
        ),
    ]
    if certificate is not None:  # any status: the verification page says revoked/expired
        links.append(
            Link(
                "gs1:certificationInfo",
                absolute(f"/ocop/certificates/{certificate.number}/"),
                "text/html",
                "OCOP",
                languages,
            )
        )
    return links


def product_links(*, absolute: Any, product: Any) -> list[Link]:
    """Links of a GTIN without a known lot (the resolver's walk-up): the product page."""
    languages = tuple(code for code, _name in settings.LANGUAGES)
    page = absolute(f"/products/{product.slug}/")
    return [
        Link(DEFAULT_LINK, page, "text/html", product.name, languages),
        Link("gs1:pip", page, "text/html", product.name, languages),
    ]


def linkset(anchor: str, links: list[Link]) -> dict[str, Any]:
    """RFC 9264 JSON linkset with GS1 link types as full URIs."""
    context: dict[str, Any] = {"anchor": anchor}
    for link in links:
        target: dict[str, Any] = {"href": link.href, "type": link.type, "title": link.title}
        if link.hreflang:
            target["hreflang"] = list(link.hreflang)
        context.setdefault(link_type_uri(link.rel), []).append(target)
    return {"linkset": [context]}
