"""Demo onboarding data: owners for the demo producers, their approved applications, and one
producer waiting in the staff review queue. Idempotent; called by ``manage.py demo``."""

from __future__ import annotations

import datetime
import io
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from backend.accounts.roles import Role
from producers import events, onboarding, onboarding_services, services
from producers.models import (
    ApplicationStatus,
    DocumentType,
    MemberRole,
    OnboardingApplication,
    Producer,
    ProducerDocument,
    ProducerMember,
)

REVIEWER_EMAIL = "admin@ocop.example"
PENDING_SLUG = "mien-dong-cam-thuy"
PENDING_PRODUCER = {
    "name": "Miến dong Cẩm Thủy",
    "legal_name": "Hợp tác xã Miến dong Cẩm Thủy",
    "legal_form": "hop_tac_xa",
    "tax_code": "2801234599",
    "province_code": "38",
    "commune_code": "15127",
    "street_address": "Thôn Cẩm Hoa",
    "phone": "+84912000099",
    "email": "owner+mien-dong-cam-thuy@ocop.example",
    "description": "Miến dong làm thủ công từ củ dong riềng trồng ở vùng đồi Cẩm Thủy.",
}


def tiny_pdf(title: str) -> bytes:
    """A minimal valid one-page PDF showing ``title`` (ASCII), with a correct xref table."""
    text = title.encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 18 Tf 40 90 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 200] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _owner(slug: str, password: str) -> Any:
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        email=f"owner+{slug}@ocop.example", defaults={"first_name": "Chủ", "last_name": slug}
    )
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get_or_create(name=Role.PRODUCER_MEMBER)[0])
    return user


def _upload_licence(producer: Producer, owner: Any) -> None:
    if ProducerDocument.objects.for_producer(producer).exists():
        return
    content = tiny_pdf(f"Giay chung nhan DKKD {producer.tax_code}")
    services.producer_document_upload(
        actor=owner,
        producer_id=producer.pk,
        document_type=DocumentType.BUSINESS_LICENCE,
        file=io.BytesIO(content),
        file_name="dang-ky-kinh-doanh.pdf",
        content_type="application/pdf",
        size=len(content),
        number=f"DKKD-{producer.tax_code}",
        issuer="Sở Tài chính",
        issued_on=datetime.date(2024, 3, 1),
    )


def _approve(producer: Producer, owner: Any, reviewer: Any) -> None:
    application, created = OnboardingApplication.unscoped_objects.get_or_create(producer=producer)
    if created:
        events.onboarding_event(
            application=application,
            actor=owner,
            type=events.OnboardingEventType.CREATED,
            after=application.status,
        )
    if application.status != ApplicationStatus.DRAFT:
        return
    _upload_licence(producer, owner)
    application.producer = producer
    onboarding.application_transition(application, ApplicationStatus.SUBMITTED, actor=owner)
    onboarding.application_transition(application, ApplicationStatus.IN_REVIEW, actor=reviewer)
    onboarding.application_transition(application, ApplicationStatus.APPROVED, actor=reviewer)


def load(*, password: str) -> None:
    """Owners and approved applications for existing demo producers, plus one in review."""
    reviewer = get_user_model().objects.get(email=REVIEWER_EMAIL)
    for producer in Producer.objects.unscoped().exclude(slug=PENDING_SLUG):
        owner = _owner(producer.slug, password)
        ProducerMember.unscoped_objects.get_or_create(
            producer=producer, user=owner, defaults={"role": MemberRole.OWNER}
        )
        _approve(producer, owner, reviewer)

    owner = _owner(PENDING_SLUG, password)
    pending = Producer.objects.unscoped().filter(slug=PENDING_SLUG).first()
    if pending is None:
        pending = services.producer_create(actor=owner, data=PENDING_PRODUCER)
        _upload_licence(pending, owner)
        content = tiny_pdf("Chung nhan co so du dieu kien ATTP")
        services.producer_document_upload(
            actor=owner,
            producer_id=pending.pk,
            document_type=DocumentType.FOOD_SAFETY,
            file=io.BytesIO(content),
            file_name="attp.pdf",
            content_type="application/pdf",
            size=len(content),
            number="ATTP-2025-117",
            issuer="Chi cục An toàn vệ sinh thực phẩm Thanh Hóa",
            issued_on=datetime.date(2025, 8, 1),
            expires_on=datetime.date(2028, 8, 1),
        )
        onboarding_services.producer_application_submit(actor=owner, producer_id=pending.pk)
