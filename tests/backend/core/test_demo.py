from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from backend.core.demo.catalogue import PRODUCERS, PRODUCTS
from backend.shipping.models import DeliveryMethod
from producers.models import Producer


def test_demo_catalogue_is_large_and_varied_enough():
    assert len(PRODUCERS) >= 8
    assert len(PRODUCTS) >= 30
    assert {"38", "01", "40"} <= {producer.province_code for producer in PRODUCERS}
    assert {"hop_tac_xa", "ho_kinh_doanh", "doanh_nghiep"} <= {p.legal_form for p in PRODUCERS}
    assert len({product.slug for product in PRODUCTS}) == len(PRODUCTS)
    skus = [variant.sku for product in PRODUCTS for variant in product.variants]
    assert len(set(skus)) == len(skus)
    assert all(isinstance(v.price, int) and v.price > 0 for p in PRODUCTS for v in p.variants)


@pytest.mark.django_db
def test_demo_command_is_idempotent():
    # when
    call_command("demo", stdout=StringIO())
    first = (Producer.objects.unscoped().count(), get_user_model().objects.count())
    call_command("demo", stdout=StringIO())

    # then
    assert (Producer.objects.unscoped().count(), get_user_model().objects.count()) == first
    # the catalogue's producers plus one waiting in the staff review queue (producers/demo.py)
    assert first[0] == len(PRODUCERS) + 1
    # every producer with goods ships them, so any demo cart can be checked out
    sellers = Producer.objects.unscoped().filter(products__isnull=False).distinct()
    assert sellers.count() == len(PRODUCERS)
    for producer in sellers:
        methods = DeliveryMethod.objects.filter(producer=producer, is_active=True)
        assert methods.count() == 1, producer.name  # the second run added none
        assert methods.get().rates.exists(), producer.name
