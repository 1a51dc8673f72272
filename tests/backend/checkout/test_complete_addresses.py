"""saveAddress (Saleor): completing a signed-in shopper's checkout keeps its addresses in
their address book (no duplicates); guests and saveAddress=false keep nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from backend.accounts.addresses import address_create
from backend.accounts.models import Address
from backend.checkout import services
from backend.checkout.complete import checkout_complete
from backend.checkout.models import Checkout
from backend.inventory.models import Stock
from tests.backend.checkout.factories import (
    HANOI,
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
    ready_checkout,
)

HUE = {**HANOI, "street_address_1": "5 Lê Lợi", "city": "Thuận Hóa", "country_area": "Huế"}


@pytest.fixture
def variant(db):
    channel = make_channel()
    producer = make_producer()
    make_shipping(producer)
    return make_variant(channel, producer=producer, stock=2)


def prepared(actor, variant, **kwargs) -> Checkout:
    checkout = ready_checkout(actor, variant.product.channel_listings.get().channel, [variant])
    checkout = Checkout.objects.select_related("shipping_address", "billing_address").get(
        pk=checkout.pk
    )
    for address_type, (data, save) in kwargs.items():
        services.checkout_address_update(
            checkout=checkout, data=data, address_type=address_type, save_address=save
        )
    return checkout


def book(user) -> list[tuple[str, str]]:
    return sorted(user.addresses.values_list("street_address_1", "city"))


@pytest.mark.django_db
def test_shipping_address_is_saved_by_default_and_becomes_the_default(user, variant):
    # given
    checkout = prepared(user, variant)

    # when
    order = checkout_complete(actor=user, token=checkout.pk)

    # then
    user.refresh_from_db()
    assert book(user) == [("12 Phố Huế", "Phường Ba Đình")]
    saved = user.addresses.get()
    assert user.default_shipping_address_id == saved.pk
    assert user.default_billing_address_id is None  # no billing address on the checkout
    assert order.shipping_address_id != saved.pk  # the order keeps its own copy
    assert saved.province_code == order.shipping_address.province_code


@pytest.mark.django_db
def test_an_identical_address_is_not_duplicated(user, variant):
    # given
    existing = address_create(actor=user, data=HANOI)
    address_create(actor=user, data=HUE, address_type="shipping")  # the default shipping
    checkout = prepared(user, variant, billing=(HANOI, True))

    # when
    checkout_complete(actor=user, token=checkout.pk)

    # then
    user.refresh_from_db()
    assert book(user) == [("12 Phố Huế", "Phường Ba Đình"), ("5 Lê Lợi", "Phường Thuận Hóa")]
    assert user.default_billing_address_id == existing.pk
    assert user.default_shipping_address.street_address_1 == "5 Lê Lợi"  # kept


@pytest.mark.django_db
def test_same_shipping_and_billing_address_is_saved_once_as_both_defaults(user, variant):
    # given
    checkout = prepared(user, variant, billing=(HANOI, None))  # None: Saleor's default, save

    # when
    checkout_complete(actor=user, token=checkout.pk)

    # then
    user.refresh_from_db()
    saved = user.addresses.get()
    assert user.default_shipping_address_id == user.default_billing_address_id == saved.pk


@pytest.mark.django_db
def test_save_address_false_keeps_that_address_out_of_the_book(user, variant):
    # given
    checkout = prepared(user, variant, shipping=(HANOI, False), billing=(HUE, True))

    # when
    checkout_complete(actor=user, token=checkout.pk)

    # then
    user.refresh_from_db()
    assert book(user) == [("5 Lê Lợi", "Phường Thuận Hóa")]
    assert user.default_shipping_address_id is None


@pytest.mark.django_db
def test_a_guest_checkout_saves_no_address(variant):
    # given
    checkout = prepared(AnonymousUser(), variant, billing=(HUE, True))
    addresses = Address.objects.count()

    # when
    order = checkout_complete(actor=AnonymousUser(), token=checkout.pk)

    # then
    assert Address.objects.filter(user__isnull=False).count() == 0
    assert Address.objects.count() == addresses  # the order took the checkout's copies over
    assert order.billing_address.street_address_1 == "5 Lê Lợi"


@pytest.mark.django_db
def test_a_refused_completion_saves_no_address(user, variant):
    # given
    checkout = prepared(user, variant)
    Stock.objects.filter(product_variant=variant).update(quantity=0)

    # when
    with pytest.raises(ValidationError):
        checkout_complete(actor=user, token=checkout.pk)

    # then
    assert user.addresses.count() == 0
