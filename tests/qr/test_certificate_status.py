"""Trace pages show the OCOP certificate's live status (certificates from backend.ocop)."""

import datetime as dt

import pytest

from backend.catalog.models import ProductVariant
from backend.ocop import certificate_services
from backend.ocop.models import ApplicationStatus
from qr import label_jobs, services
from qr.selectors import certificate_for_product
from tests.backend.ocop.factories import World

GTIN14 = "08931234567897"


@pytest.fixture
def certified(db, django_capture_on_commit_callbacks):
    world = World()
    variant = ProductVariant.objects.create(product=world.product, sku="NEM-10", gtin=GTIN14)
    batch = services.batch_create(
        actor=world.staff,
        producer=world.producer,
        variant=variant,
        lot_code="L1",
        production_date=dt.date(2026, 11, 2),
        quantity=10,
    )
    with django_capture_on_commit_callbacks(execute=True):
        application = world.application(ApplicationStatus.CERTIFIED, total="75")
    return world, batch, application.certificate


def test_trace_page_shows_an_active_certificate_with_stars(client, certified):
    # given
    _world, _batch, certificate = certified

    # when
    body = client.get(f"/trace/01/{GTIN14}/10/L1").content.decode()

    # then
    assert "Sản phẩm OCOP 4 sao, chứng nhận còn hiệu lực." in body
    assert certificate.number in body
    assert "★★★★<" in body


def test_revocation_shows_at_once_despite_the_cache(
    client, certified, django_capture_on_commit_callbacks
):
    # given
    world, _batch, certificate = certified
    client.get(f"/trace/01/{GTIN14}/10/L1")

    # when
    with django_capture_on_commit_callbacks(execute=True):
        certificate_services.certificate_revoke(
            actor=world.approver, certificate=certificate, reason="Vi phạm an toàn thực phẩm"
        )
    body = client.get(f"/trace/01/{GTIN14}/10/L1").content.decode()

    # then
    assert "đã bị thu hồi" in body
    assert "★" not in body
    assert certificate_for_product(world.product).status == "revoked"


def test_resolver_links_the_certificate_verification(client, certified):
    # given
    _world, _batch, certificate = certified

    # when
    response = client.get(f"/01/{GTIN14}/10/L1", {"linkType": "gs1:certificationInfo"})

    # then
    assert response.status_code == 307
    assert response["Location"].endswith(f"/ocop/certificates/{certificate.number}/")


def test_labels_carry_stars_only_while_certified(certified, django_capture_on_commit_callbacks):
    # given
    world, batch, _certificate = certified

    # when
    with django_capture_on_commit_callbacks(execute=True):
        job = label_jobs.label_job_create(
            actor=world.staff, producer=world.producer, batch=batch, total=3
        )
    labels = list(label_jobs._labels(job))

    # then
    assert labels[0].stars == 4
