"""Small builders for producer tests; they go through the real services."""

from __future__ import annotations

import io
from typing import Any

from producers import onboarding_services, services
from producers.demo import tiny_pdf
from producers.models import DocumentType, Producer

PDF = tiny_pdf("Giay chung nhan DKKD")
PNG_HEAD = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
WEBP_HEAD = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 64


def upload(
    producer: Producer,
    actor: Any,
    *,
    content: bytes = PDF,
    content_type: str = "application/pdf",
    document_type: str = DocumentType.BUSINESS_LICENCE,
) -> Any:
    return services.producer_document_upload(
        actor=actor,
        producer_id=producer.pk,
        document_type=document_type,
        file=io.BytesIO(content),
        file_name="giay-to.pdf",
        content_type=content_type,
        size=len(content),
        number="DKKD-1",
        issuer="Sở Tài chính Thanh Hóa",
    )


def submit(producer: Producer, owner: Any) -> Any:
    upload(producer, owner)
    return onboarding_services.producer_application_submit(actor=owner, producer_id=producer.pk)


def approve(producer: Producer, owner: Any, staff: Any) -> Producer:
    submit(producer, owner)
    onboarding_services.producer_application_review(
        actor=staff, producer_id=producer.pk, decision="approve"
    )
    producer.refresh_from_db()
    return producer
