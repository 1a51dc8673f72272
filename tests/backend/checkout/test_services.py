from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from backend.accounts.models import Address
from backend.catalog.models import ProductChannelListing
from backend.checkout import services
from backend.checkout.info import checkout_info
from backend.checkout.models import Checkout, CheckoutLine
from backend.checkout.selectors import checkout_get_for_user
from backend.checkout.services import LineChange
from backend.core.errors import DomainError, NotFound
from backend.discounts.models import Voucher, VoucherValueType
from tests.backend.checkout.factories import (
    HANOI,
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
    ready_checkout,
)

ANONYMOUS = AnonymousUser()


def codes(error: ValidationError) -> list[str]:
    return [item.code for items in error.error_dict.values() for item in items]


def rows() -> tuple[int, int, int]:
    return Checkout.objects.count(), CheckoutLine.objects.count(), Address.objects.count()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("quantity", "code"),
    [
        (0, "ZERO_QUANTITY"),
        (-3, "ZERO_QUANTITY"),
        (10**9, "QUANTITY_GREATER_THAN_LIMIT"),
        (11, "INSUFFICIENT_STOCK"),
    ],
)
def test_create_refuses_bad_quantities_and_writes_nothing(quantity, code):
    # given
    channel = make_channel()
    variant = make_variant(channel, stock=10)
    before = rows()

    # when
    with pytest.raises(ValidationError) as error:
        services.checkout_create(
            actor=ANONYMOUS,
            channel_slug="vn",
            lines=[LineChange(variant_id=variant.pk, quantity=quantity)],
            shipping_address=HANOI,
        )

    # then
    assert codes(error.value) == [code]
    assert rows() == before


@pytest.mark.django_db
def test_quantity_limit_per_customer():
    # given
    channel = make_channel()
    variant = make_variant(channel, stock=10)
    variant.quantity_limit_per_customer = 2
    variant.save()

    # when
    with pytest.raises(ValidationError) as error:
        services.checkout_create(
            actor=ANONYMOUS,
            channel_slug="vn",
            lines=[LineChange(variant_id=variant.pk, quantity=3)],
        )

    # then
    assert codes(error.value) == ["QUANTITY_GREATER_THAN_LIMIT"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "code"),
    [
        ("unpublished", "PRODUCT_NOT_PUBLISHED"),
        ("producer_pending", "PRODUCT_NOT_PUBLISHED"),
        ("not_for_sale_yet", "PRODUCT_UNAVAILABLE_FOR_PURCHASE"),
        ("other_channel", "PRODUCT_NOT_PUBLISHED"),
    ],
)
def test_unavailable_variants_are_refused(change, code):
    # given
    channel = make_channel()
    other = make_channel("other")
    variant = make_variant(other if change == "other_channel" else channel)
    listing = ProductChannelListing.objects.filter(product=variant.product).first()
    if change == "unpublished":
        listing.is_published = False
        listing.save()
    if change == "not_for_sale_yet":
        listing.available_for_purchase_at = None
        listing.save()
    if change == "producer_pending":
        variant.product.producer.status = "pending"
        variant.product.producer.save()
    before = rows()

    # when
    with pytest.raises(ValidationError) as error:
        services.checkout_create(
            actor=ANONYMOUS,
            channel_slug="vn",
            lines=[LineChange(variant_id=variant.pk, quantity=1)],
        )

    # then
    assert codes(error.value) == [code]
    assert error.value.error_dict["lines"][0].params["variant_pks"] == [variant.pk]
    assert rows() == before


@pytest.mark.django_db
def test_address_outside_the_unit_list_is_refused_and_nothing_written():
    # given
    channel = make_channel()
    variant = make_variant(channel)
    before = rows()

    # when
    with pytest.raises(ValidationError) as error:
        services.checkout_create(
            actor=ANONYMOUS,
            channel_slug="vn",
            lines=[LineChange(variant_id=variant.pk, quantity=1)],
            shipping_address={**HANOI, "city": "Xã Không Tồn Tại"},
        )

    # then
    assert codes(error.value) == ["INVALID"]
    assert error.value.error_dict["city"][0].params["address_type"] == "shipping"
    assert rows() == before


@pytest.mark.django_db
def test_another_shoppers_checkout_is_not_found(user, staff_user):
    # given
    channel = make_channel()
    variant = make_variant(channel)
    checkout = services.checkout_create(
        actor=user, channel_slug="vn", lines=[LineChange(variant_id=variant.pk, quantity=1)]
    )

    # when / then
    for outsider in (ANONYMOUS, staff_user):
        with pytest.raises(NotFound):
            checkout_get_for_user(actor=outsider, token=checkout.pk)
    assert checkout_get_for_user(actor=user, token=checkout.pk) == checkout


@pytest.mark.django_db
def test_inactive_or_unknown_channel():
    # given
    make_channel("closed", is_active=False)

    # when / then
    with pytest.raises(ValidationError) as error:
        services.checkout_create(actor=ANONYMOUS, channel_slug="closed", lines=[])
    assert codes(error.value) == ["CHANNEL_INACTIVE"]
    with pytest.raises(DomainError) as missing:
        services.checkout_create(actor=ANONYMOUS, channel_slug="nowhere", lines=[])
    assert missing.value.code == "NOT_FOUND"
    assert Checkout.objects.count() == 0


@pytest.mark.django_db
def test_lines_add_merges_update_zero_removes_and_totals():
    # given
    channel = make_channel()
    producer = make_producer()
    variant = make_variant(channel, producer=producer, price=45_000, stock=10)
    make_shipping(producer, price=20_000)
    checkout = ready_checkout(ANONYMOUS, channel, [variant], quantity=1)

    # when
    services.checkout_lines_add(
        checkout=checkout, lines=[LineChange(variant_id=variant.pk, quantity=2)]
    )
    info = checkout_info(checkout)

    # then
    assert info.lines[0].line.quantity == 3
    assert (info.subtotal, info.shipping, info.total) == (135_000, 20_000, 155_000)
    services.checkout_lines_update(
        checkout=checkout, lines=[LineChange(line_id=info.lines[0].line.pk, quantity=0)]
    )
    assert checkout.lines.count() == 0
    assert checkout.deliveries.count() == 0


@pytest.mark.django_db
def test_weight_rate_and_voucher():
    # given
    channel = make_channel()
    producer = make_producer()
    variant = make_variant(channel, producer=producer, price=100_000, stock=10)
    variant.weight_grams = 700
    variant.save()
    make_shipping(producer, price=20_000, per_kg=5_000, pricing="weight")
    Voucher.objects.create(
        code="TET10", value_type=VoucherValueType.PERCENTAGE, value=10, min_spend_amount=200_000
    )
    checkout = ready_checkout(ANONYMOUS, channel, [variant], quantity=3)  # 2.1 kg: 3 started kg

    # when
    services.checkout_promo_code_add(checkout=checkout, code="tet10")
    info = checkout_info(checkout)

    # then
    assert (info.subtotal, info.shipping, info.discount, info.total) == (
        300_000,
        30_000,
        30_000,
        300_000,
    )


@pytest.mark.django_db
def test_voucher_under_minimum_spend_is_not_applicable():
    # given
    channel = make_channel()
    variant = make_variant(channel, price=50_000)
    Voucher.objects.create(code="BIG", value=20_000, min_spend_amount=500_000)
    checkout = services.checkout_create(
        actor=ANONYMOUS, channel_slug="vn", lines=[LineChange(variant_id=variant.pk, quantity=1)]
    )

    # when
    with pytest.raises(ValidationError) as error:
        services.checkout_promo_code_add(checkout=checkout, code="BIG")

    # then
    assert codes(error.value) == ["VOUCHER_NOT_APPLICABLE"]
    assert Checkout.objects.get().voucher_code == ""
