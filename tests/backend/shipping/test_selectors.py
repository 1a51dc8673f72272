"""active_methods_by_producer: one query for every producer's active methods and rates."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.inventory.models import Warehouse
from backend.shipping.models import DeliveryMethod, DeliveryRate
from backend.shipping.selectors import active_methods_by_producer
from tests.backend.catalog.factories import make_producer
from tests.backend.checkout.factories import make_shipping


def test_active_methods_in_display_order_with_their_rates_in_one_query(db):
    # given
    first, second, other = (
        make_producer("HTX Một"),
        make_producer("HTX Hai"),
        make_producer("HTX Ba"),
    )
    late = make_shipping(first, name="Chậm", price=20_000)
    late.sort_order = 2
    late.save()
    fast = make_shipping(first, name="Nhanh", price=50_000, province_code="01")
    DeliveryRate.objects.create(method=fast, province_code="", base_price_amount=70_000)
    retired = make_shipping(first, name="Ngừng")
    retired.is_active = False
    retired.save()
    warehouse = Warehouse.objects.create(
        producer=second, name="Kho", slug="kho-hai", province_code="01"
    )
    pickup = DeliveryMethod.objects.create(
        producer=second, name="Nhận tại cơ sở", type="pickup", pickup_warehouse=warehouse
    )
    make_shipping(other)

    # when
    with CaptureQueriesContext(connection) as queries:
        found = active_methods_by_producer({first.pk, second.pk})
        rates = {
            method.name: [
                (rate.province_code, rate.base_price_amount) for rate in method.rates.all()
            ]
            for method in found[first.pk]
        }

    # then
    assert len(queries) == 1
    assert [method.name for method in found[first.pk]] == ["Nhanh", "Chậm"]
    assert rates == {"Nhanh": [("01", 50_000), ("", 70_000)], "Chậm": [("", 20_000)]}
    assert other.pk not in found
    assert found[second.pk] == [pickup]
    assert list(found[second.pk][0].rates.all()) == []


def test_no_producers_no_query(db):
    with CaptureQueriesContext(connection) as queries:
        assert active_methods_by_producer(set()) == {}
    assert len(queries) == 0
