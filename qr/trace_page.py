"""Render the public trace page of a batch, from the versioned server-side cache.

The batch part of the page is the same for every visitor in a language, so it is cached
whole (HTML + ETag) under ``qr.cache.trace_page_key``; the per-serial scan notice is
rendered per request and put in place of a marker. A cached page never outlives the
certificate it shows: its expiry is capped at the certificate's ``valid_until``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from backend.accounts import vn_units
from producers.models import Producer
from qr import cache as trace_cache
from qr import serials
from qr.models import Batch
from qr.selectors import (
    batch_for_key,
    certificate_for_product,
    serial_code_get,
    trace_events_for_batch,
)

NOTICE_MARKER = "<!--qr-scan-notice-->"


@dataclass(frozen=True)
class CachedPage:
    batch_id: int
    html: str
    etag: str
    expires_at: float


# Pages also kept in process memory: the shared cache (Redis) then costs nothing but the
# version lookup, and the key's version makes a stale local copy unreachable.
LOCAL_PAGES = 256
_local_pages: OrderedDict[str, CachedPage] = OrderedDict()
_local_lock = threading.Lock()


def _place(province_code: str, commune_code: str) -> dict[str, str]:
    province = vn_units.province_by_code(province_code) if province_code else None
    ward = vn_units.ward_by_code(commune_code) if commune_code else None
    if ward and not province:
        province = vn_units.province_by_code(ward.province_code)
    return {
        "province": province.full_name if province else "",
        "commune": ward.full_name if ward else "",
    }


def _render_batch(batch: Batch) -> tuple[str, float]:
    product = batch.variant.product
    producer: Producer = batch.producer
    certificate = certificate_for_product(product)
    media = product.media.filter(type="IMAGE").exclude(image="").first()
    context = {
        "batch": batch,
        "product": product,
        "variant": batch.variant,
        "image_url": media.image.url if media else "",
        "producer": producer,
        "producer_place": _place(producer.province_code, producer.commune_code),
        "origin_place": _place("", batch.origin_commune_code),
        "certificate": certificate,
        "events": trace_events_for_batch(batch),
        "notice_marker": NOTICE_MARKER,
    }
    html = render_to_string("qr/trace_page.html", context)
    expires = timezone.now().timestamp() + settings.QR_TRACE_CACHE_SECONDS
    if certificate is not None and certificate.is_active:
        end = dt.datetime.combine(certificate.valid_until + dt.timedelta(days=1), dt.time())
        expires = min(expires, timezone.make_aware(end).timestamp())
    return html, expires


def cached_batch_page(*, gtin: str, lot: str) -> CachedPage | None:
    """The batch part of the trace page for (gtin, lot) in the active language, or None
    when no public batch has that key."""
    key = trace_cache.trace_page_key(
        version=trace_cache.trace_version(), language=get_language() or "vi", gtin=gtin, lot=lot
    )
    now = timezone.now().timestamp()
    with _local_lock:
        page = _local_pages.get(key)
    if page is None:
        page = cache.get(key)
    if isinstance(page, CachedPage) and page.expires_at > now:
        _remember(key, page)
        return page
    batch = batch_for_key(gtin=gtin, lot=lot)
    if batch is None:
        return None
    html, expires = _render_batch(batch)
    page = CachedPage(
        batch_id=batch.pk,
        html=html,
        etag=hashlib.sha256(html.encode()).hexdigest()[:32],
        expires_at=expires,
    )
    timeout = max(1, int(expires - timezone.now().timestamp()))
    cache.set(key, page, timeout=timeout)
    _remember(key, page)
    return page


def _remember(key: str, page: CachedPage) -> None:
    with _local_lock:
        _local_pages[key] = page
        _local_pages.move_to_end(key)
        while len(_local_pages) > LOCAL_PAGES:
            _local_pages.popitem(last=False)


@dataclass(frozen=True)
class SerialNotice:
    """What the page says about a scanned serial. ``kind``: first, info, warning,
    unknown or forged."""

    kind: str
    count: int = 0
    since: dt.datetime | None = None


def serial_notice(*, batch_id: int, gtin: str, lot: str, serial: str) -> SerialNotice:
    """Live (uncached) verdict on a serial: one indexed query. Counts lag by the scans
    still queued for recording."""
    code = serial_code_get(batch=Batch(pk=batch_id), serial=serial)
    if code is None:
        kind = "unknown" if serials.serial_is_signed(serial, gtin=gtin, lot=lot) else "forged"
        return SerialNotice(kind)
    if code.scan_count == 0:
        return SerialNotice("first")
    kind = "warning" if code.scan_count >= settings.QR_SCAN_WARNING_THRESHOLD else "info"
    return SerialNotice(kind, count=code.scan_count, since=code.first_scanned_at)


def render_notice(notice: SerialNotice) -> str:
    return render_to_string("qr/scan_notice.html", {"notice": notice})
