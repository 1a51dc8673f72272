from collections import Counter

import pytest

from backend.core.demo.catalogue import PRODUCERS, PRODUCTS
from backend.ocop.demo import PLAN, load_ocop_demo
from backend.ocop.models import (
    ApplicationEvent,
    ApplicationStatus,
    Certificate,
    CertificationApplication,
    OfficialProfile,
)
from backend.ocop.selectors import active_certificates_for_products
from tests.backend.ocop.factories import make_producer, make_product


@pytest.mark.django_db
def test_demo_covers_every_state_and_is_idempotent():
    # given: the demo producers and the planned products, except one that is missing
    producers = {
        p.slug: make_producer(p.slug, p.province_code, name=p.name, email="") for p in PRODUCERS
    }
    slugs = [slug for slug in PLAN if slug != "tui-coi-dan-tay"]
    for demo in PRODUCTS:
        if demo.slug in slugs:
            make_product(producers[demo.producer], demo.slug, demo.name)

    # when
    created = load_ocop_demo()
    counts = (CertificationApplication.objects.count(), ApplicationEvent.objects.count())
    again = load_ocop_demo()

    # then
    assert (created, again) == (len(slugs), 0)
    assert (CertificationApplication.objects.count(), ApplicationEvent.objects.count()) == counts
    statuses = set(CertificationApplication.objects.values_list("status", flat=True))
    assert statuses == set(ApplicationStatus) - {ApplicationStatus.NOT_CERTIFIED}
    assert Counter(Certificate.objects.values_list("status", flat=True)) == {
        "active": 4,
        "expired": 1,
        "revoked": 1,
    }
    active = active_certificates_for_products(
        Certificate.objects.values_list("product_id", flat=True)
    )
    assert sorted(c.stars for c in active.values()) == [3, 4, 4, 5]
    assert Certificate.objects.get(stars=5).issuing_body == "Bộ Nông nghiệp và Môi trường"
    assert set(OfficialProfile.objects.values_list("jurisdiction", "role")) == {
        ("38", "assessor"),
        ("38", "approver"),
        ("CENTRAL", "assessor"),
        ("CENTRAL", "approver"),
    }
