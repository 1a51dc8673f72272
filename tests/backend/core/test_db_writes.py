"""INSERT and UPDATE without Django's compiler (backend/core/db/writes.py): the rows and the
instances must end up exactly as Model.save() and bulk_create() leave them."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext

from backend.accounts.models import Address
from backend.checkout.models import Checkout
from backend.core.db.writes import insert, update
from backend.orders.models import Order, OrderEvent, OrderEventType
from tests.backend.catalog.factories import make_channel

pytestmark = pytest.mark.django_db


def _same_as_loaded(instance: object) -> None:
    loaded = type(instance).objects.get(pk=instance.pk)  # type: ignore[attr-defined]
    for field in type(instance)._meta.concrete_fields:  # type: ignore[attr-defined]
        assert getattr(instance, field.attname) == getattr(loaded, field.attname), field.name


def test_insert_fills_serial_keys_database_defaults_and_timestamps_as_save_does():
    # given: Order.number comes from a sequence (db_default), its id is serial
    channel = make_channel()
    orders = [
        Order(channel=channel, user_email="a@example.com", metadata={"nguồn": "chợ"}),
        Order(channel=channel, user_email="b@example.com", total_amount=120_000),
    ]

    # when
    with CaptureQueriesContext(connection) as queries:
        insert(orders)

    # then: one statement, seen by query counting
    assert len(queries) == 1
    first, second = orders
    assert first.pk is not None and second.pk == first.pk + 1
    assert second.number == first.number + 1
    assert first.created_at is not None and first.updated_at is not None
    assert first._state.adding is False and first._state.db == "default"
    _same_as_loaded(first)
    _same_as_loaded(second)
    assert Order.objects.get(pk=first.pk).metadata == {"nguồn": "chợ"}


def test_insert_keeps_a_given_primary_key_and_takes_keys_of_related_rows_saved_after():
    # given: the address is assigned before it has a key, as checkout_create does
    channel = make_channel()
    address = Address(first_name="Lan", city="Ba Đình", province_code="01")
    checkout = Checkout(channel=channel, email="lan@example.com", shipping_address=address)
    token = checkout.pk

    # when
    insert([address])
    insert([checkout])

    # then
    stored = Checkout.objects.get(pk=token)
    assert stored.shipping_address_id == address.pk
    assert stored.email == "lan@example.com"


def test_insert_refuses_an_unsaved_related_object_and_writes_nothing():
    channel = make_channel()
    checkout = Checkout(channel=channel, shipping_address=Address(first_name="Lan"))

    with pytest.raises(ValueError, match="unsaved related object"):
        insert([checkout])

    assert not Checkout.objects.filter(pk=checkout.pk).exists()


def test_insert_refuses_mixed_models_and_mixed_keys():
    channel = make_channel()
    with pytest.raises(TypeError):
        insert([Address(), Order(channel=channel)])
    existing = Address(first_name="Có khóa")
    insert([existing])
    with pytest.raises(ValueError, match="primary key"):
        insert([Address(pk=existing.pk + 1000), Address()])
    assert Address.objects.count() == 1


def test_insert_of_nothing_runs_no_statement():
    with CaptureQueriesContext(connection) as queries:
        insert([])
    assert len(queries) == 0


def test_update_writes_only_the_named_fields_and_refreshes_auto_now_when_named():
    # given
    channel = make_channel()
    order = Order(channel=channel, user_email="a@example.com", customer_note="trước")
    insert([order])
    stamped = order.updated_at
    order.user_email = "moi@example.com"
    order.customer_note = "không lưu"

    # when
    update(order, ["user_email"])

    # then: as save(update_fields=...), a timestamp not named is left alone
    stored = Order.objects.get(pk=order.pk)
    assert stored.user_email == "moi@example.com"
    assert stored.customer_note == "trước"
    assert stored.updated_at == stamped
    update(order, ["updated_at"])
    assert Order.objects.get(pk=order.pk).updated_at == order.updated_at > stamped


def test_update_of_a_row_that_is_gone_raises_as_save_does():
    channel = make_channel()
    order = Order(channel=channel)
    insert([order])
    Order.objects.filter(pk=order.pk).delete()

    with pytest.raises(DatabaseError, match="did not affect any rows"):
        update(order, ["user_email"])


def test_update_refuses_the_primary_key_and_relations_that_are_not_columns():
    channel = make_channel()
    order = Order(channel=channel)
    insert([order])
    event = OrderEvent(order=order, type=OrderEventType.PLACED)
    insert([event])

    with pytest.raises(ValueError, match="cannot be updated"):
        update(order, ["id"])
    with pytest.raises(ValueError, match="cannot be updated"):
        update(order, ["events"])
    assert OrderEvent.objects.get(pk=event.pk).order_id == order.pk
