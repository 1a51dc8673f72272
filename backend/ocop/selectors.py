"""Reads of OCOP certification, scoped to the acting user.

For other apps (catalog ``Product.ocop``, traceability pages, storefront): read stars ONLY
through ``active_certificate_for_product``, ``active_certificates_for_products`` or
``ocop_summary_for_products``. They check the status AND the validity date against the
Vietnam calendar date at ``at`` (default now) on every call, so a certificate shows no stars
from 00:00 Asia/Ho_Chi_Minh on the day after ``valid_until`` even if the daily expiry job
never ran, and none from the moment it is revoked.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery

from backend.catalog.models import Product
from backend.core.errors import NotFound
from backend.ocop import access
from backend.ocop.dates import vietnam_today
from backend.ocop.models import (
    ApplicationStatus,
    Certificate,
    CertificateStatus,
    CertificationApplication,
    CriteriaSet,
)


def criteria_sets_list() -> QuerySet[CriteriaSet]:
    """Every criteria set, newest first, with parts and criteria prefetched."""
    return CriteriaSet.objects.prefetch_related("parts__criteria")


def applications_for_user(
    *, actor: Any, status: str | None = None
) -> QuerySet[CertificationApplication]:
    """Applications ``actor`` may see.

    Platform staff: all (read only). Provincial officials: those of producers in their
    province, drafts excluded. Central officials: those proposed for five stars. Producer
    members: their producers' own. Anyone else: none.
    """
    queryset = CertificationApplication.objects.select_related(
        "product", "producer", "criteria_set"
    )
    if actor is not None and actor.is_authenticated and actor.is_active and actor.is_staff:
        scope = Q()
    else:
        scope = Q(producer_id__in=access.member_producer_ids(actor=actor))
        profile = access.official_profile_of(actor)
        if profile is not None and access.is_central(profile):
            scope |= Q(reached_central_at__isnull=False)
        elif profile is not None:
            scope |= Q(producer__province_code=profile.jurisdiction) & ~Q(
                status=ApplicationStatus.DRAFT
            )
    queryset = queryset.filter(scope)
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def application_get_for_user(*, actor: Any, pk: Any) -> CertificationApplication:
    """One application ``actor`` may see, else NotFound (never reveals that it exists)."""
    application = applications_for_user(actor=actor).filter(pk=pk).first()
    if application is None:
        raise NotFound("Không tìm thấy hồ sơ OCOP.")
    return application


def application_get_for_action(*, actor: Any, pk: Any) -> CertificationApplication:
    """The application an actor wants to act on.

    Officials get any application, so the service can answer OUTSIDE_JURISDICTION instead of
    a misleading "not found"; everyone else only what they may see, else NotFound.
    """
    if access.official_profile_of(actor) is not None:
        application = (
            CertificationApplication.objects.select_related("product", "producer", "criteria_set")
            .filter(pk=pk)
            .first()
        )
        if application is not None:
            return application
    return application_get_for_user(actor=actor, pk=pk)


def _in_force(day: datetime.date) -> Q:
    return Q(status=CertificateStatus.ACTIVE, valid_from__lte=day, valid_until__gte=day)


def certificates_public_list(
    *,
    search: str | None = None,
    province_code: str | None = None,
    stars: int | None = None,
    status: str | None = None,
    at: datetime.datetime | None = None,
) -> QuerySet[Certificate]:
    """The public registry: every certificate, filterable. ``search`` matches the number,
    the product name or the producer name, accent-insensitively. ``status`` is the status
    a reader sees today (an active row past its last day counts as expired)."""
    day = vietnam_today(at)
    queryset = Certificate.objects.select_related("product", "producer", "supersedes")
    if search and search.strip():
        text = search.strip()
        queryset = queryset.filter(
            Q(number__iexact=text)
            | Q(product__name__unaccent__icontains=text)
            | Q(producer__name__unaccent__icontains=text)
        )
    if province_code:
        queryset = queryset.filter(province_code=province_code)
    if stars:
        queryset = queryset.filter(stars=stars)
    if status == CertificateStatus.ACTIVE:
        queryset = queryset.filter(_in_force(day))
    elif status == CertificateStatus.EXPIRED:
        queryset = queryset.filter(
            Q(status=CertificateStatus.EXPIRED)
            | Q(status=CertificateStatus.ACTIVE, valid_until__lt=day)
        )
    elif status:
        queryset = queryset.filter(status=status)
    return queryset


def certificate_get_by_number(number: str) -> Certificate | None:
    """Public verification: the certificate with this number (any status), or None."""
    return (
        Certificate.objects.select_related("product", "producer", "supersedes")
        .filter(number=number.strip())
        .first()
    )


def certificate_effective_status(
    certificate: Certificate, *, at: datetime.datetime | None = None
) -> str:
    """The status a reader should see now (an active row past ``valid_until`` is expired)."""
    return certificate.effective_status_on(vietnam_today(at))


def active_certificates_for_products(
    product_ids: Iterable[int], *, at: datetime.datetime | None = None
) -> dict[int, Certificate]:
    """product id -> its certificate in force at ``at`` (one query); absent ids have none."""
    ids = list(product_ids)
    if not ids:
        return {}
    day = vietnam_today(at)
    rows = Certificate.objects.filter(_in_force(day), product_id__in=ids)
    return {certificate.product_id: certificate for certificate in rows}


def active_certificate_for_product(
    product: Product | int, *, at: datetime.datetime | None = None
) -> Certificate | None:
    """The product's certificate in force at ``at`` (default now), or None: no stars."""
    product_id = product if isinstance(product, int) else product.pk
    return active_certificates_for_products([product_id], at=at).get(product_id)


@dataclass(frozen=True)
class OcopSummary:
    """What a product page shows about OCOP: only built from a certificate in force."""

    stars: int
    certificate_number: str
    issuing_body: str
    valid_until: datetime.date
    status: str
    score: Decimal


def ocop_summary_for_products(
    product_ids: Iterable[int], *, at: datetime.datetime | None = None
) -> dict[int, OcopSummary]:
    """product id -> OcopSummary for products with a certificate in force; one query.

    Products without one are absent (show no stars). Meant for a dataloader behind
    ``Product.ocop``: ``status`` is always "active" here.
    """
    return {
        product_id: OcopSummary(
            stars=certificate.stars,
            certificate_number=certificate.number,
            issuing_body=certificate.issuing_body,
            valid_until=certificate.valid_until,
            status=certificate.status,
            score=certificate.score,
        )
        for product_id, certificate in active_certificates_for_products(product_ids, at=at).items()
    }


def certificates_for_official(*, actor: Any) -> QuerySet[Certificate]:
    """Certificates in an official's jurisdiction (central: five-star ones); staff: all."""
    queryset = Certificate.objects.select_related("product", "producer")
    if actor is not None and actor.is_authenticated and actor.is_active and actor.is_staff:
        return queryset
    profile = access.official_profile_of(actor)
    if profile is None:
        return queryset.none()
    if access.is_central(profile):
        return queryset.filter(stars=5)
    return queryset.filter(province_code=profile.jurisdiction)


@dataclass(frozen=True)
class Statistics:
    by_stars: list[tuple[int, int]]
    by_province: list[tuple[str, int]]
    expiring_soon: list[Certificate]
    applications_by_status: list[tuple[str, int]]


def statistics_for_official(
    *, actor: Any, at: datetime.datetime | None = None, expiring_days: int = 90
) -> Statistics:
    """Certified products in force by stars and by province, certificates ending within
    ``expiring_days``, and the application queue by status, all within the actor's scope.
    ``central`` officials see every province here: national statistics are public anyway."""
    day = vietnam_today(at)
    profile = access.official_profile_of(actor)
    certificates = Certificate.objects.filter(_in_force(day))
    if profile is not None and not access.is_central(profile):
        certificates = certificates.filter(province_code=profile.jurisdiction)
    elif profile is None and not (actor.is_authenticated and actor.is_staff):
        certificates = certificates.none()
    by_stars = dict(certificates.values_list("stars").annotate(n=Count("pk")).order_by())
    by_province = certificates.values_list("province_code").annotate(n=Count("pk"))
    expiring = certificates.filter(
        valid_until__lte=day + datetime.timedelta(days=expiring_days)
    ).select_related("product", "producer")
    statuses = dict(
        applications_for_user(actor=actor).values_list("status").annotate(n=Count("pk")).order_by()
    )
    return Statistics(
        by_stars=[(stars, by_stars.get(stars, 0)) for stars in (3, 4, 5)],
        by_province=sorted(by_province.order_by(), key=lambda row: (-row[1], row[0])),
        expiring_soon=list(expiring.order_by("valid_until", "pk")),
        applications_by_status=[(s.value, statuses.get(s.value, 0)) for s in ApplicationStatus],
    )


def annotate_ocop_stars(
    products: QuerySet[Product], *, at: datetime.datetime | None = None
) -> QuerySet[Product]:
    """``ocop_stars``: stars of the product's certificate in force at ``at``, else null.

    For filtering and sorting lists by stars; it checks status and dates like every
    other read, so an expired or revoked certificate never counts.
    """
    day = vietnam_today(at)
    stars = Certificate.objects.filter(_in_force(day), product_id=OuterRef("pk")).values("stars")[
        :1
    ]
    return products.annotate(ocop_stars=Subquery(stars, output_field=IntegerField()))


def certificates_expiring_for_producer(
    *, producer_id: int, within_days: int = 60, at: datetime.datetime | None = None
) -> QuerySet[Certificate]:
    """The producer's certificates in force that lapse within ``within_days`` (the
    workspace dashboard's reminder); the caller has already scoped ``producer_id``."""
    day = vietnam_today(at)
    return (
        Certificate.objects.filter(_in_force(day), producer_id=producer_id)
        .filter(valid_until__lte=day + datetime.timedelta(days=within_days))
        .select_related("product")
        .order_by("valid_until", "pk")
    )
