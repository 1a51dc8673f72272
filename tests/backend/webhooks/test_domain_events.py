"""Every domain change the webhooks promise writes its outbox row in the change's transaction."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from graphql_relay import to_global_id

from backend.catalog.models import Category, Product
from backend.catalog.services import product_delete, product_save
from backend.checkout import services as checkout_services
from backend.checkout.complete import checkout_complete
from backend.checkout.services import LineChange
from backend.core.errors import PermissionDenied
from backend.discounts.models import Voucher
from backend.ocop import certificate_services
from backend.ocop.models import ApplicationStatus
from backend.orders import services as order_services
from backend.orders.models import Order
from backend.payments.reconciliation import bank_transfer_mark_received
from backend.webhooks.models import Webhook, WebhookEvent
from producers import onboarding_services
from tests.backend.catalog.factories import make_product, product_type
from tests.backend.checkout.factories import (
    HANOI,
    make_channel,
    make_producer,
    make_shipping,
    make_variant,
    ready_checkout,
)
from tests.backend.ocop.factories import world  # noqa: F401
from tests.backend.payments.fixtures import payment_settings  # noqa: F401
from tests.producers.helpers import submit

ANONYMOUS = AnonymousUser()


@pytest.fixture
def subscriber(db):
    # Never called: outside transaction=True tests on_commit deliveries do not run.
    return Webhook.objects.create(
        name="ERP", target_url="http://127.0.0.1:9/hook", events=["any_events"], secret_key="s"
    )


def payloads(event_type):
    return list(
        WebhookEvent.objects.filter(event_type=event_type)
        .order_by("pk")
        .values_list("payload", flat=True)
    )


def placed_order(payment_data=None, producers=1):
    channel = make_channel()
    variants = []
    for i in range(producers):
        producer = make_producer(f"HTX {i}")
        variants.append(make_variant(channel, producer=producer, stock=5))
        make_shipping(producer)
    checkout = ready_checkout(ANONYMOUS, channel, variants, quantity=2)
    return checkout_complete(actor=ANONYMOUS, token=checkout.pk, payment_data=payment_data)


def test_checkout_complete_emits_order_created_with_saleor_keys(subscriber):
    # when
    order = placed_order(producers=2)

    # then
    (payload,) = payloads("order_created")
    order.refresh_from_db()
    assert payload["id"] == to_global_id("Order", str(order.pk))
    assert payload["number"] == str(order.number)
    assert payload["status"] == "UNFULFILLED"
    assert payload["chargeStatus"] == "NONE"
    assert payload["total"] == {"amount": order.total_amount, "currency": "VND"}
    assert payload["subtotal"]["amount"] == 4 * 50_000
    assert [line["quantity"] for line in payload["lines"]] == [2, 2]
    assert len(payload["fulfillmentGroups"]) == 2


def test_order_created_lines_carry_prices_after_and_before_the_voucher(subscriber):
    # given a 10,000 voucher on two lines of 2 x 50,000
    channel = make_channel()
    variants = []
    for i in range(2):
        producer = make_producer(f"HTX {i}")
        variants.append(make_variant(channel, producer=producer, stock=5))
        make_shipping(producer)
    checkout = ready_checkout(ANONYMOUS, channel, variants, quantity=2)
    Voucher.objects.create(code="TET", value=10_001)
    checkout_services.checkout_promo_code_add(checkout=checkout, code="TET")

    # when
    checkout_complete(actor=ANONYMOUS, token=checkout.pk)

    # then: 10,001 shared 5,001 / 5,000; the payload's totals sum to subtotal less discount
    (payload,) = payloads("order_created")
    lines = payload["lines"]
    assert [line["undiscountedTotalPrice"]["amount"] for line in lines] == [100_000, 100_000]
    assert [line["totalPrice"]["amount"] for line in lines] == [94_999, 95_000]
    assert [line["unitPrice"]["amount"] for line in lines] == [47_500, 47_500]
    assert [line["undiscountedUnitPrice"]["amount"] for line in lines] == [50_000, 50_000]
    assert [line["unitDiscount"]["amount"] for line in lines] == [2_500, 2_500]
    discounted = payload["subtotal"]["amount"] - payload["discount"]["amount"]
    assert sum(line["totalPrice"]["amount"] for line in lines) == discounted


def test_no_subscriber_no_outbox_row_and_a_rollback_leaves_none(db, subscriber):
    # given
    channel = make_channel()
    producer = make_producer()
    variant = make_variant(channel, producer=producer, stock=5)
    make_shipping(producer)
    checkout = ready_checkout(ANONYMOUS, channel, [variant])
    WebhookEvent.objects.all().delete()

    # when
    with pytest.raises(RuntimeError), transaction.atomic():
        checkout_complete(actor=ANONYMOUS, token=checkout.pk)
        raise RuntimeError("the surrounding request failed")

    # then
    assert Order.objects.count() == 0
    assert WebhookEvent.objects.count() == 0


def test_inactive_or_unsubscribed_webhooks_get_no_row(db):
    # given
    Webhook.objects.create(
        name="Off", target_url="http://127.0.0.1:9/", events=["order_created"], is_active=False
    )
    Webhook.objects.create(
        name="Products", target_url="http://127.0.0.1:9/", events=["product_updated"]
    )

    # when
    placed_order()

    # then
    assert WebhookEvent.objects.count() == 0


def test_cancel_emits_order_cancelled_and_rolls_back_with_it(subscriber, staff_user):
    # given
    order = placed_order()

    # when
    with pytest.raises(RuntimeError), transaction.atomic():
        order_services.order_cancel(actor=staff_user, order=order)
        raise RuntimeError("rolled back")
    assert payloads("order_cancelled") == []
    order.refresh_from_db()
    order_services.order_cancel(actor=staff_user, order=order)

    # then
    (payload,) = payloads("order_cancelled")
    assert payload["status"] == "CANCELED"


def test_order_fulfilled_is_emitted_when_the_last_group_ships(subscriber, staff_user):
    # given
    order = placed_order(producers=2)
    first, second = order.fulfillment_groups.order_by("fulfillment_order")

    # when
    order_services.order_fulfill(actor=staff_user, order=order, group=first)
    assert payloads("order_fulfilled") == []
    order_services.order_fulfill(actor=staff_user, order=order, group=second, tracking_number="X1")

    # then
    (payload,) = payloads("order_fulfilled")
    assert payload["status"] == "FULFILLED"
    assert [group["status"] for group in payload["fulfillmentGroups"]] == ["FULFILLED"] * 2


def test_order_paid_is_emitted_once_when_the_charge_becomes_full(
    subscriber,
    staff_user,
    payment_settings,  # noqa: F811
):
    # given
    order = placed_order(payment_data='{"gateway": "vietqr"}')

    # when
    bank_transfer_mark_received(actor=staff_user, order=order, amount=1_000, bank_reference="A1")
    assert payloads("order_paid") == []
    order.refresh_from_db()
    rest = order.total_amount - 1_000
    bank_transfer_mark_received(actor=staff_user, order=order, amount=rest, bank_reference="A2")

    # then
    (payload,) = payloads("order_paid")
    assert payload["chargeStatus"] == "FULL"
    assert payload["totalCharged"]["amount"] == order.total_amount


def test_product_save_and_delete_emit_product_events(subscriber, staff_user):
    # given
    product = Product(
        producer=make_producer(),
        product_type=product_type(),
        category=Category.objects.get(ocop_product_set=8),
        name="Chè Shan tuyết",
        slug="che-shan-tuyet",
    )

    # when
    product_save(actor=staff_user, product=product)
    product.name = "Chè Shan tuyết cổ thụ"
    product_save(actor=staff_user, product=product)
    product_id = to_global_id("Product", str(product.pk))
    product_delete(actor=staff_user, product_id=product.pk)

    # then
    assert [p["id"] for p in payloads("product_created")] == [product_id]
    assert [p["name"] for p in payloads("product_updated")] == ["Chè Shan tuyết cổ thụ"]
    assert [p["slug"] for p in payloads("product_deleted")] == ["che-shan-tuyet"]
    assert not Product.objects.filter(slug="che-shan-tuyet").exists()


def test_refused_product_save_writes_no_event(subscriber, user):
    # given
    product = make_product("Nem chua", channel=make_channel(), with_image=False)
    product.name = "Đổi tên"

    # when
    with pytest.raises(PermissionDenied):
        product_save(actor=user, product=product)
    with pytest.raises(PermissionDenied):
        product_delete(actor=user, product_id=product.pk)

    # then
    assert WebhookEvent.objects.count() == 0
    assert Product.objects.filter(pk=product.pk, name="Nem chua").exists()


def test_checkout_line_address_and_delivery_changes_emit_checkout_updated(subscriber):
    # given
    channel = make_channel()
    producer = make_producer()
    variant = make_variant(channel, producer=producer, stock=5)
    method = make_shipping(producer)
    checkout = checkout_services.checkout_create(
        actor=ANONYMOUS, channel_slug=channel.slug, lines=[], email="a@example.com"
    )
    before = len(payloads("checkout_updated"))

    # when
    checkout_services.checkout_lines_add(
        checkout=checkout, lines=[LineChange(variant_id=variant.pk, quantity=2)]
    )
    checkout_services.checkout_address_update(
        checkout=checkout, data=HANOI, address_type="shipping"
    )
    checkout_services.checkout_delivery_method_update(checkout=checkout, method_id=method.pk)

    # then
    events = payloads("checkout_updated")[before:]
    assert len(events) == 3
    assert events[-1]["id"] == to_global_id("Checkout", str(checkout.pk))
    assert events[-1]["lines"][0]["quantity"] == 2
    assert events[-1]["shippingAddress"] is not None
    assert events[-1]["deliveries"][0]["deliveryMethod"]["id"] == to_global_id(
        "ShippingMethod", str(method.pk)
    )


def test_certificate_issue_revoke_and_expiry_emit_ocop_events(subscriber, world):  # noqa: F811
    # given
    certificate = world.certify(world.application(ApplicationStatus.SCORED))

    # when
    certificate_services.certificate_revoke(
        actor=world.approver, certificate=certificate, reason="Vi phạm an toàn thực phẩm"
    )
    old = world.certify(world.application(ApplicationStatus.SCORED), datetime.date(2023, 1, 2))
    certificate_services.certificates_expire()

    # then
    issued = payloads("ocop_certificate_issued")
    assert [p["number"] for p in issued] == [certificate.number, old.number]
    assert issued[0]["stars"] == certificate.stars
    (revoked,) = payloads("ocop_certificate_revoked")
    assert (revoked["status"], revoked["revocationReason"]) == (
        "REVOKED",
        "Vi phạm an toàn thực phẩm",
    )
    (expired,) = payloads("ocop_certificate_expired")
    assert (expired["number"], expired["status"]) == (old.number, "EXPIRED")


def test_producer_approval_emits_producer_approved_only_on_approve(
    subscriber, producer_a, member_a, staff_user
):
    # given
    submit(producer_a, member_a)

    # when
    onboarding_services.producer_application_review(
        actor=staff_user, producer_id=producer_a.pk, decision="request_changes", note="Thiếu ảnh"
    )
    assert payloads("producer_approved") == []
    submit(producer_a, member_a)
    onboarding_services.producer_application_review(
        actor=staff_user, producer_id=producer_a.pk, decision="approve"
    )

    # then
    (payload,) = payloads("producer_approved")
    assert payload["id"] == to_global_id("Producer", str(producer_a.pk))
    assert payload["status"] == "APPROVED"
