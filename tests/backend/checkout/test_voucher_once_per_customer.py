"""Saleor's applyOncePerCustomer: a customer (account, or email for guests) with a placed,
not cancelled order using the voucher cannot use it again; checkoutComplete re-checks
under the voucher's row lock, so concurrent completions cannot both use it. The usage
limit is enforced the same way."""

from __future__ import annotations

import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import connection
from graphql_relay import to_global_id

from backend.checkout import services
from backend.checkout.complete import checkout_complete
from backend.checkout.info import checkout_info
from backend.checkout.models import Checkout
from backend.discounts.models import Voucher
from backend.inventory.models import Stock
from backend.orders.models import Order
from backend.orders.services import order_cancel
from tests.backend.checkout.factories import (
    codes,
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
    ready_checkout,
)
from tests.conftest import content, make_user

ANONYMOUS = AnonymousUser()


@pytest.fixture
def variant(db):
    channel = make_channel()
    producer = make_producer()
    make_shipping(producer)
    return make_variant(channel, producer=producer, price=100_000, stock=20)


@pytest.fixture
def once(db):
    return Voucher.objects.create(code="CHAO", value=10_000, apply_once_per_customer=True)


def checkout_of(actor, variant, email="khach@example.com") -> Checkout:
    channel = variant.product.channel_listings.get().channel
    return ready_checkout(actor, channel, [variant], email=email)


def buy_with(actor, variant, code="CHAO", email="khach@example.com") -> Order:
    checkout = checkout_of(actor, variant, email)
    services.checkout_promo_code_add(checkout=checkout, code=code)
    return checkout_complete(actor=actor, token=checkout.pk)


def refused(checkout: Checkout, code: str = "CHAO") -> list[str]:
    with pytest.raises(ValidationError) as error:
        services.checkout_promo_code_add(checkout=checkout, code=code)
    assert Checkout.objects.get(pk=checkout.pk).voucher_code == ""
    return codes(error.value)


@pytest.mark.django_db
def test_a_signed_in_customer_cannot_use_it_twice(user, variant, once):
    # given
    buy_with(user, variant, email=user.email)

    # when / then
    assert refused(checkout_of(user, variant, email=user.email)) == ["VOUCHER_NOT_APPLICABLE"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("guest", "guest"),  # the same email, any case
        ("guest", "account"),  # a guest order counts for the account with that email
        ("account", "guest"),  # and the other way round
    ],
)
def test_the_same_email_cannot_use_it_twice(variant, once, first, second):
    # given
    account = make_user("Khach@Example.com")
    actors = {"guest": ANONYMOUS, "account": account}
    buy_with(actors[first], variant, email="khach@example.com")

    # when / then
    again = checkout_of(actors[second], variant, email="KHACH@example.com")
    assert refused(again) == ["VOUCHER_NOT_APPLICABLE"]


@pytest.mark.django_db
def test_other_customers_and_other_vouchers_are_not_limited(user, variant, once):
    # given
    Voucher.objects.create(code="MOI", value=5_000)  # not once per customer
    buy_with(ANONYMOUS, variant)
    buy_with(ANONYMOUS, variant, code="MOI")

    # when
    other = buy_with(ANONYMOUS, variant, email="nguoi-khac@example.com")
    again = buy_with(ANONYMOUS, variant, code="MOI")

    # then
    assert (other.voucher_code, again.voucher_code) == ("CHAO", "MOI")


@pytest.mark.django_db
def test_a_cancelled_order_gives_the_use_back(staff_user, variant, once):
    # given
    order = buy_with(ANONYMOUS, variant)
    order_cancel(actor=staff_user, order=order)

    # when
    again = buy_with(ANONYMOUS, variant)

    # then
    assert again.voucher_code == "CHAO"
    assert Voucher.objects.get().used == 1


@pytest.mark.django_db
def test_email_changed_to_a_used_one_is_refused_at_completion_and_writes_nothing(variant, once):
    # given a checkout with the voucher, then the email of someone who used it
    buy_with(ANONYMOUS, variant, email="da-dung@example.com")
    checkout = checkout_of(ANONYMOUS, variant, email="moi@example.com")
    services.checkout_promo_code_add(checkout=checkout, code="CHAO")
    services.checkout_email_update(checkout=checkout, email="da-dung@example.com")

    # when
    discount = checkout_info(checkout).discount
    with pytest.raises(ValidationError) as error:
        checkout_complete(actor=ANONYMOUS, token=checkout.pk)

    # then
    assert discount == 0
    assert codes(error.value) == ["VOUCHER_NOT_APPLICABLE"]
    assert Order.objects.count() == 1
    assert Voucher.objects.get().used == 1
    assert Stock.objects.get(product_variant=variant).quantity_allocated == 1


ADD_PROMO = """
mutation Promo($id: ID!, $code: String!) {
  checkoutAddPromoCode(id: $id, promoCode: $code) {
    checkout { voucherCode }
    errors { field code message }
  }
}
"""


@pytest.mark.django_db
def test_add_promo_code_gives_voucher_not_applicable(user, user_api_client, variant, once):
    # given
    buy_with(user, variant, email=user.email)
    checkout = checkout_of(user, variant, email=user.email)

    # when
    result = content(
        user_api_client.post_graphql(
            ADD_PROMO, {"id": to_global_id("Checkout", checkout.pk), "code": "chao"}
        )
    )["data"]["checkoutAddPromoCode"]

    # then
    assert result["checkout"] is None
    assert [(e["field"], e["code"]) for e in result["errors"]] == [
        ("promoCode", "VOUCHER_NOT_APPLICABLE")
    ]


def complete_at_once(actors_and_tokens) -> list[str]:
    """Complete the checkouts from concurrent threads, each on its own connection."""
    barrier = threading.Barrier(len(actors_and_tokens))
    results: list[str] = []
    lock = threading.Lock()

    def complete(actor, token):
        try:
            barrier.wait()
            checkout_complete(actor=actor, token=token)
            outcome = "ORDER"
        except ValidationError as exc:
            outcome = ",".join(codes(exc))
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=complete, args=pair) for pair in actors_and_tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(results)


@pytest.mark.django_db(transaction=True)
def test_race_one_customers_two_checkouts_use_it_once(variant, once):
    # given one shopper's two carts, both with the voucher applied
    shopper = make_user("lan@example.com")
    tokens = []
    for _ in range(2):
        checkout = checkout_of(shopper, variant, email=shopper.email)
        services.checkout_promo_code_add(checkout=checkout, code="CHAO")
        tokens.append((shopper, checkout.pk))

    # when both complete at the same moment
    results = complete_at_once(tokens)

    # then one order has it; the other is refused and leaves nothing behind
    assert results == ["ORDER", "VOUCHER_NOT_APPLICABLE"]
    assert Order.objects.filter(voucher=once).count() == 1
    assert Voucher.objects.get().used == 1
    assert Stock.objects.get(product_variant=variant).quantity_allocated == 1
    assert Checkout.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_race_usage_limit_holds_under_concurrent_completions(variant):
    # given a voucher for 2 orders and 4 guests with it applied
    Voucher.objects.create(code="HAI", value=10_000, usage_limit=2)
    tokens = []
    for index in range(4):
        checkout = checkout_of(ANONYMOUS, variant, email=f"khach{index}@example.com")
        services.checkout_promo_code_add(checkout=checkout, code="HAI")
        tokens.append((ANONYMOUS, checkout.pk))

    # when all complete at once
    results = complete_at_once(tokens)

    # then
    assert results == ["ORDER", "ORDER", "VOUCHER_NOT_APPLICABLE", "VOUCHER_NOT_APPLICABLE"]
    assert Voucher.objects.get().used == 2
    assert Order.objects.count() == 2
