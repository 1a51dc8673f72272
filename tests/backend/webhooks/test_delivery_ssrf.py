"""Deliveries connect only to allowed addresses, checked again at send time (DNS rebinding)."""

import pytest

from backend.webhooks.event_types import WebhookEventType
from backend.webhooks.models import WebhookDelivery, WebhookEventStatus
from backend.webhooks.services import webhook_event_emit
from backend.webhooks.tasks import deliver_webhook_event

pytestmark = pytest.mark.django_db

ORDER = {"order": {"id": "T3JkZXI6MQ==", "number": "1"}}


def _deliver_one():
    [event] = webhook_event_emit(event_type=WebhookEventType.ORDER_CREATED, payload=ORDER)
    deliver_webhook_event(event.pk)
    event.refresh_from_db()
    return event


def test_stored_target_now_internal_is_refused_once_and_nothing_is_sent(
    webhook, receiver, settings
):
    # given: a row saved while 127.0.0.1 was allowed (or before the guard existed)
    settings.WEBHOOK_ALLOWED_PRIVATE_NETWORKS = []

    # when
    event = _deliver_one()

    # then
    assert receiver.requests == []
    assert (event.status, event.attempts) == (WebhookEventStatus.FAILED, 1)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.success, delivery.status_code) == (False, None)
    assert delivery.error == (
        "Target refused: The target URL points to the internal address 127.0.0.1, "
        "which may not be called."
    )


def test_host_name_resolving_to_an_internal_address_is_refused_at_delivery(
    webhook, receiver, settings
):
    # given: the name resolved elsewhere when saved; now it resolves to loopback
    port = receiver.url.split(":")[2].split("/")[0]
    webhook.target_url = f"http://localhost:{port}/hooks/ocop"
    webhook.save()
    settings.WEBHOOK_ALLOWED_PRIVATE_NETWORKS = []

    # when
    event = _deliver_one()

    # then
    assert receiver.requests == []
    assert event.status == WebhookEventStatus.FAILED
    assert "internal address" in WebhookDelivery.objects.get().error


def test_host_name_is_kept_in_the_host_header_when_its_address_is_allowed(
    webhook, receiver, settings
):
    # given: "localhost" may also resolve to ::1, where nobody listens; the next address serves
    port = receiver.url.split(":")[2].split("/")[0]
    webhook.target_url = f"http://localhost:{port}/hooks/ocop"
    webhook.save()
    settings.WEBHOOK_ALLOWED_PRIVATE_NETWORKS = ["127.0.0.1/32", "::1/128"]

    # when
    event = _deliver_one()

    # then
    assert event.status == WebhookEventStatus.DELIVERED
    [received] = receiver.requests
    assert received.headers["Host"] == f"localhost:{port}"


@pytest.mark.parametrize(
    ("target_url", "allow_http", "reason"),
    [
        ("http://{address}/hooks/ocop", False, "The target URL must use https."),
        (
            "http://erp:secret@{address}/hooks/ocop",
            True,
            "The target URL may not contain a user name or password; use the secret key.",
        ),
    ],
)
def test_stored_target_breaking_the_url_rules_is_refused_at_delivery(
    webhook, receiver, settings, target_url, allow_http, reason
):
    # given: rows written before the rules (or by hand)
    webhook.target_url = target_url.format(address=receiver.url.split("/")[2])
    webhook.save()
    settings.WEBHOOK_ALLOW_HTTP = allow_http

    # when
    event = _deliver_one()

    # then
    assert receiver.requests == []
    assert event.status == WebhookEventStatus.FAILED
    assert WebhookDelivery.objects.get().error == f"Target refused: {reason}"


def test_a_redirect_is_not_followed(webhook, receiver):
    # given: were it followed, the receiver would see a second request
    receiver.statuses = [302]
    receiver.response_headers = {"Location": f"{receiver.url}/again"}

    # when
    event = _deliver_one()

    # then
    assert len(receiver.requests) == 1
    assert event.status == WebhookEventStatus.FAILED
    assert WebhookDelivery.objects.get().status_code == 302
