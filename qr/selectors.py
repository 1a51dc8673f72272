"""Reads for traceability. Producer data is only reachable through ``producer``-scoped
selectors; the public trace page reads through ``batch_for_key``.

Scoping: workspace callers pass the ``producer`` they act for and ``can_manage_producer``
decides whether ``actor`` may act for it (staff and the producer's members).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Max, Min, QuerySet

from backend.catalog.models import Product, ProductVariant
from backend.core.errors import NotFound, PermissionDenied
from backend.ocop.models import Certificate, CertificateStatus
from backend.ocop.selectors import active_certificate_for_product, certificate_effective_status
from producers.models import Producer
from producers.selectors import member_producer_ids
from qr.models import Batch, LabelJob, Scan, SerialCode, TraceEvent


def _signed_in(actor: Any) -> bool:
    return bool(actor is not None and actor.is_authenticated and actor.is_active)


def can_manage_producer(actor: Any, producer: Producer) -> bool:
    """Whether ``actor`` may read and write ``producer``'s batches, codes and labels: staff,
    and the producer's members."""
    if not _signed_in(actor):
        return False
    return bool(actor.is_staff) or producer.pk in member_producer_ids(actor=actor)


def producer_check_access(*, actor: Any, producer: Producer) -> None:
    """PermissionDenied for people who act for no producer; NotFound for a member of another
    producer, so the producer's workspace is not revealed to it."""
    if can_manage_producer(actor, producer):
        return
    if _signed_in(actor) and member_producer_ids(actor=actor):
        raise NotFound("Producer not found.", field="producer")
    raise PermissionDenied()


def batch_list(*, actor: Any, producer: Producer) -> QuerySet[Batch]:
    producer_check_access(actor=actor, producer=producer)
    return Batch.objects.filter(producer=producer).select_related("variant__product")


def batch_get_for_user(*, actor: Any, producer: Producer, batch_id: int) -> Batch:
    """The batch if it belongs to ``producer`` and ``actor`` acts for it; else NotFound or
    PermissionDenied. Another producer's batch is NotFound: its existence is not revealed."""
    try:
        return batch_list(actor=actor, producer=producer).get(pk=batch_id)
    except Batch.DoesNotExist:
        raise NotFound("Batch not found.", field="batch") from None


def label_job_get_for_user(*, actor: Any, producer: Producer, job_id: int) -> LabelJob:
    producer_check_access(actor=actor, producer=producer)
    try:
        return LabelJob.objects.select_related("batch").get(pk=job_id, batch__producer=producer)
    except LabelJob.DoesNotExist:
        raise NotFound("Label job not found.", field="job") from None


def batch_for_key(*, gtin: str, lot: str) -> Batch | None:
    """The public batch named by a Digital Link (GTIN-14 + lot), with what the trace page
    shows, or None. Only batches of approved producers are public."""
    return (
        Batch.objects.select_related("variant__product", "producer")
        .filter(gtin=gtin, lot_code=lot, producer__status="approved")
        .first()
    )


def gtin_candidates(gtin14: str) -> list[str]:
    """The forms a GTIN-14 may be stored in on a variant (GTIN-8/12/13/14)."""
    forms = [gtin14]
    for length in (13, 12, 8):
        if gtin14[: 14 - length] == "0" * (14 - length):
            forms.append(gtin14[14 - length :])
    return forms


def variant_for_gtin(gtin14: str) -> ProductVariant | None:
    """The public variant carrying ``gtin14`` (own GTIN or platform identifier), or None."""
    candidates = gtin_candidates(gtin14)
    variants = ProductVariant.objects.select_related("product").filter(
        product__producer__status="approved"
    )
    return (
        variants.filter(gtin__in=candidates).first()
        or variants.filter(platform_identifier__gtin__in=candidates).first()
    )


def trace_events_for_batch(batch: Batch) -> list[TraceEvent]:
    return list(batch.trace_events.all())


def serial_code_get(*, batch: Batch, serial: str) -> SerialCode | None:
    return SerialCode.objects.filter(batch=batch, serial=serial).first()


@dataclass(frozen=True)
class CertificateView:
    """What trace pages and labels show of a product's OCOP certificate. ``status`` is the
    effective status now (active, expired, revoked, superseded); stars count only if active."""

    number: str
    stars: int
    issuer: str
    valid_until: date
    status: str

    @property
    def is_active(self) -> bool:
        return self.status == CertificateStatus.ACTIVE


def certificate_for_product(product: Product) -> CertificateView | None:
    """The certificate in force (backend.ocop's own check of status and date), else the
    product's latest certificate so a revoked or expired one reads as such; None if none."""
    certificate = active_certificate_for_product(product) or (
        Certificate.objects.filter(product=product).order_by("-decision_date", "-pk").first()
    )
    if certificate is None:
        return None
    return CertificateView(
        number=certificate.number,
        stars=certificate.stars,
        issuer=certificate.issuing_body,
        valid_until=certificate.valid_until,
        status=certificate_effective_status(certificate),
    )


@dataclass(frozen=True)
class ScanStats:
    total: int
    by_result: dict[str, int]
    first_scan: datetime | None
    last_scan: datetime | None
    suspicious_serials: list[SerialCode]


def scan_stats(*, actor: Any, producer: Producer, batch: Batch, threshold: int) -> ScanStats:
    """Scan figures of one of ``producer``'s batches, for staff and the producer."""
    producer_check_access(actor=actor, producer=producer)
    if batch.producer_id != producer.pk:
        raise NotFound("Batch not found.", field="batch")
    scans = Scan.objects.filter(batch=batch)
    summary = scans.aggregate(first=Min("scanned_at"), last=Max("scanned_at"))
    by_result = {row["result"]: row["n"] for row in scans.values("result").annotate(n=Count("pk"))}
    suspicious = list(
        SerialCode.objects.filter(batch=batch, scan_count__gt=threshold).order_by("-scan_count")[
            :50
        ]
    )
    return ScanStats(
        total=sum(by_result.values()),
        by_result=by_result,
        first_scan=summary["first"],
        last_scan=summary["last"],
        suspicious_serials=suspicious,
    )


def public_batches_for_product(product: Product, *, limit: int = 5) -> list[Batch]:
    """The product's latest batches, for the "trace this batch" links of a product page."""
    return list(
        Batch.objects.filter(variant__product=product).order_by("-production_date", "-pk")[:limit]
    )
