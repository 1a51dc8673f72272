"""Builders and fixtures for OCOP tests (imported by the ocop conftest files)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from backend.catalog.models import Product, ProductType
from backend.ocop import certificate_services, services
from backend.ocop.models import (
    ApplicationStatus,
    Certificate,
    CertificationApplication,
    Criterion,
    OfficialProfile,
)
from backend.ocop.services import ScoreSheet
from producers.models import LegalForm, Producer, ProducerStatus

TODAY = datetime.date(2026, 3, 10)


def make_user(email: str, *groups: str, is_staff: bool = False) -> Any:
    user = get_user_model().objects.create_user(email, "pw", is_staff=is_staff)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def make_official(email: str, jurisdiction: str, role: str) -> Any:
    user = make_user(email, "official")
    OfficialProfile.objects.create(user=user, jurisdiction=jurisdiction, role=role)
    return user


def make_producer(slug: str, province_code: str, **extra: Any) -> Producer:
    defaults: dict[str, Any] = {
        "name": f"HTX {slug}",
        "legal_name": f"Hợp tác xã {slug}",
        "legal_form": LegalForm.HOP_TAC_XA,
        "province_code": province_code,
        "email": f"owner@{slug}.example",
        "status": ProducerStatus.APPROVED,
    }
    defaults.update(extra)
    return Producer.objects.create(slug=slug, **defaults)


def make_product(producer: Producer, slug: str, name: str | None = None) -> Product:
    product_type, _ = ProductType.objects.get_or_create(
        slug="thuc-pham", defaults={"name": "Thực phẩm"}
    )
    return Product.objects.create(
        producer=producer, product_type=product_type, name=name or slug, slug=slug
    )


def sheet_for(total: Decimal | str, member: str = "Thành viên 1") -> ScoreSheet:
    """A member's sheet adding up to ``total``: criteria filled to their maximum in order."""
    remaining = Decimal(total)
    scores = []
    for criterion in Criterion.objects.filter(criteria_set__code="QD148-2023"):
        points = min(Decimal(criterion.max_points), remaining)
        scores.append((criterion.code, points))
        remaining -= points
    assert remaining == 0
    return ScoreSheet(member=member, scores=scores)


class World:
    """A province-38 producer with a member and officials; an outsider producer in 01."""

    def __init__(self) -> None:
        self.producer = make_producer("nem-dong-son", "38", name="Nem chua Đông Sơn")
        self.product = make_product(self.producer, "nem-chua-thanh-hoa", "Nem chua Thanh Hóa")
        self.member = make_user(self.producer.email, "producer_member")
        self.assessor = make_official("assessor38@gov.example", "38", "assessor")
        self.approver = make_official("approver38@gov.example", "38", "approver")
        self.central_assessor = make_official("assessor-tw@gov.example", "CENTRAL", "assessor")
        self.central_approver = make_official("approver-tw@gov.example", "CENTRAL", "approver")
        self.other_approver = make_official("approver01@gov.example", "01", "approver")
        self.other_assessor = make_official("assessor01@gov.example", "01", "assessor")
        self.shopper = make_user("shopper@example.com", "shopper")
        self.staff = make_user("staff@example.com", "platform_staff", is_staff=True)

    def application(
        self,
        status: str = ApplicationStatus.DRAFT,
        total: str = "75",
        product: Product | None = None,
    ) -> CertificationApplication:
        """An application driven through the real services up to ``status``."""
        app = services.application_create(
            actor=self.member, product=product or self.product, product_set=8
        )
        order = [
            ApplicationStatus.DRAFT,
            ApplicationStatus.SUBMITTED,
            ApplicationStatus.COMMUNE_REVIEWED,
            ApplicationStatus.UNDER_ASSESSMENT,
            "assessed",
        ]
        target = (
            "assessed"
            if status
            in (
                ApplicationStatus.SCORED,
                ApplicationStatus.PROPOSED_FIVE_STAR,
                ApplicationStatus.CERTIFIED,
                ApplicationStatus.NOT_CERTIFIED,
            )
            else status
        )
        steps = order[1 : order.index(target) + 1]
        for step in steps:
            if step == ApplicationStatus.SUBMITTED:
                services.application_submit(actor=self.member, application=app)
            elif step == ApplicationStatus.COMMUNE_REVIEWED:
                services.application_commune_review(actor=self.assessor, application=app)
            elif step == ApplicationStatus.UNDER_ASSESSMENT:
                services.application_assessment_start(actor=self.assessor, application=app)
            else:
                services.assessment_submit(
                    actor=self.assessor, application=app, sheets=[sheet_for(total)]
                )
        app.refresh_from_db()
        if status == ApplicationStatus.CERTIFIED:
            self.certify(app)
        elif status == ApplicationStatus.NOT_CERTIFIED:
            services.application_decline(actor=self.approver, application=app, reason="Thiếu hồ sơ")
        app.refresh_from_db()
        assert app.status == status, (app.status, status)
        return app

    def certify(
        self, app: CertificationApplication, decision_date: datetime.date = TODAY
    ) -> Certificate:
        actor = self.central_approver if app.stars == 5 else self.approver
        return certificate_services.certificate_issue(
            actor=actor, application=app, decision_number="715/QĐ-UBND", decision_date=decision_date
        )


@pytest.fixture
def world(db: Any) -> World:
    return World()
