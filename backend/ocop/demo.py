"""OCOP demo data: officials, applications in every state, and real-looking certificates.

Runs after the catalogue demo created products; finds them by slug (backend/core/demo/
catalogue.py PRODUCTS) and skips any that are missing. Idempotent: a product that already
has an application is left alone. Everything goes through the services, so the history
(events) is as real as the rest.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from backend.accounts.roles import Role
from backend.catalog.models import Product
from backend.core.demo.catalogue import PRODUCTS
from backend.ocop import certificate_services, services
from backend.ocop.dates import add_months, vietnam_today
from backend.ocop.models import (
    CENTRAL,
    ApplicationStatus,
    CertificationApplication,
    Criterion,
    OfficialProfile,
    OfficialRole,
)
from backend.ocop.services import ScoreSheet

DEMO_PASSWORD = "ocop-demo-2026"  # noqa: S105  (published demo credentials, never production)
OFFICIALS = (
    ("thamdinh.thanhhoa@ocop.example", "38", OfficialRole.ASSESSOR, "Lê Văn", "Thẩm"),
    ("pheduyet.thanhhoa@ocop.example", "38", OfficialRole.APPROVER, "Nguyễn Thị", "Duyệt"),
    ("thamdinh.trunguong@ocop.example", CENTRAL, OfficialRole.ASSESSOR, "Trần Văn", "Định"),
    ("pheduyet.trunguong@ocop.example", CENTRAL, OfficialRole.APPROVER, "Phạm Thị", "Ký"),
)
COUNCIL = ("Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường")
# slug -> (target, council total, decision months ago); "expired"/"revoked"/"expiring"
# are certified then changed.
PLAN: dict[str, tuple[str, str, int]] = {
    "nem-chua-thanh-hoa": ("certified", "78", 8),
    "mam-tep-chung-thit": ("certified", "62.5", 14),
    "mat-ong-rung": ("certified", "92", 5),
    "che-lam-thanh-hoa": ("expired", "74", 40),
    "chieu-coi-nga-son": ("revoked", "58", 20),
    "nem-thinh": ("expiring", "71", 0),
    "gao-nep-cai-hoa-vang": (ApplicationStatus.DRAFT, "0", 0),
    "banh-gai-tu-tru": (ApplicationStatus.SUBMITTED, "0", 0),
    "keo-lac-nhu-thanh": (ApplicationStatus.COMMUNE_REVIEWED, "0", 0),
    "mam-tom-hoang-truong": (ApplicationStatus.UNDER_ASSESSMENT, "0", 0),
    "ca-thu-mot-nang": (ApplicationStatus.SCORED, "72", 0),
    "phan-hoa-ong": (ApplicationStatus.PROPOSED_FIVE_STAR, "91", 0),
    "tui-coi-dan-tay": (ApplicationStatus.NOT_CERTIFIED, "44", 0),
}
DEMO_PDF = b"%PDF-1.4\n% OCOP demo dossier\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def load_ocop_demo() -> int:
    """Create the OCOP demo; returns how many applications it created this time."""
    officials = {(j, r): _official(e, j, r, f, la) for e, j, r, f, la in OFFICIALS}
    products = Product.objects.select_related("producer").filter(slug__in=PLAN)
    created = 0
    for product in products:
        if CertificationApplication.objects.filter(product=product).exists():
            continue
        _build(product, *PLAN[product.slug], officials)
        created += 1
    return created


def _user(email: str, group: str, first_name: str = "", last_name: str = "") -> Any:
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=group))
    return user


def _official(email: str, jurisdiction: str, role: str, first: str, last: str) -> Any:
    user = _user(email, Role.OFFICIAL, first, last)
    OfficialProfile.objects.update_or_create(
        user=user, defaults={"jurisdiction": jurisdiction, "role": role}
    )
    return user


def _member(product: Product) -> Any:
    # Membership is by the producer's contact email until producers.ProducerMember lands
    # (backend/ocop/access.py member_producer_ids).
    producer = product.producer
    if not producer.email:
        producer.email = f"chuthe.{producer.slug}@ocop.example"
        producer.save(update_fields=["email"])
    return _user(producer.email, Role.PRODUCER_MEMBER)


def _sheets(total: str) -> list[ScoreSheet]:
    criteria = list(Criterion.objects.filter(criteria_set__code="QD148-2023"))
    sheets = []
    for member, delta in zip(COUNCIL, (Decimal(1), Decimal(0), Decimal(-1)), strict=True):
        remaining = min(Decimal(100), max(Decimal(0), Decimal(total) + delta))
        scores = []
        for criterion in criteria:
            points = min(Decimal(criterion.max_points), remaining)
            scores.append((criterion.code, points))
            remaining -= points
        sheets.append(ScoreSheet(member=member, scores=scores))
    return sheets


def _build(product: Product, target: str, total: str, months_ago: int, officials: dict) -> None:
    assessor, approver = officials[("38", "assessor")], officials[("38", "approver")]
    member = _member(product)
    product_set = next((p.product_set for p in PRODUCTS if p.slug == product.slug), 8)
    application = services.application_create(
        actor=member, product=product, product_set=product_set
    )
    if target == ApplicationStatus.DRAFT:
        return
    services.application_document_add(
        actor=member,
        application=application,
        upload=SimpleUploadedFile("ho-so.pdf", DEMO_PDF),
        title="Phiếu đăng ký và thuyết minh sản phẩm",
    )
    services.application_submit(actor=member, application=application)
    if target == ApplicationStatus.SUBMITTED:
        return
    services.application_commune_review(
        actor=assessor, application=application, note="UBND xã đề xuất đánh giá."
    )
    if target == ApplicationStatus.COMMUNE_REVIEWED:
        return
    services.application_assessment_start(actor=assessor, application=application)
    if target == ApplicationStatus.UNDER_ASSESSMENT:
        return
    services.assessment_submit(actor=assessor, application=application, sheets=_sheets(total))
    application.refresh_from_db()
    if target in (ApplicationStatus.SCORED, ApplicationStatus.PROPOSED_FIVE_STAR):
        return
    if target == ApplicationStatus.NOT_CERTIFIED:
        services.application_decline(
            actor=approver, application=application, reason="Chưa đạt 50 điểm theo Bộ tiêu chí."
        )
        return
    today = vietnam_today()
    decided = add_months(today, -months_ago)
    if target == "expiring":  # ends in about a month: shows in reminders and statistics
        decided = add_months(today, -36) + datetime.timedelta(days=30)
    if application.stars == 5:
        central = officials[(CENTRAL, "approver")]
        issuer, number = central, f"{decided.month}/QĐ-BNNMT"
    else:
        issuer, number = approver, f"{700 + decided.month}/QĐ-UBND"
    certificate = certificate_services.certificate_issue(
        actor=issuer, application=application, decision_number=number, decision_date=decided
    )
    if target == "expired":
        certificate_services.certificates_expire()
    elif target == "revoked":
        certificate_services.certificate_revoke(
            actor=approver,
            certificate=certificate,
            reason="Cơ sở vi phạm quy định an toàn thực phẩm (kiểm tra tháng 9/2026).",
        )
