import hashlib
import hmac
import json
import socket
import time
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from backend.webhooks.event_types import WebhookEventType
from backend.webhooks.models import Webhook, WebhookDelivery, WebhookEvent, WebhookEventStatus
from backend.webhooks.services import webhook_event_emit
from backend.webhooks.tasks import deliver_webhook_event, resend_pending_webhook_events

pytestmark = pytest.mark.django_db

ORDER = {"order": {"number": "OCOP-1001", "total": 250000, "currency": "VND"}}


def _make_due(event: WebhookEvent) -> None:
    """Pretend the backoff delay has passed."""
    WebhookEvent.objects.filter(pk=event.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_emit_delivers_a_signed_saleor_request_after_commit(
    webhook, receiver, django_capture_on_commit_callbacks, settings
):
    # given
    settings.PUBLIC_URL = "https://cho-ocop.example"

    # when
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        webhook_event_emit(event_type=WebhookEventType.ORDER_CREATED, payload=ORDER)
        assert receiver.requests == []  # nothing leaves before the commit

    # then
    [request] = receiver.requests
    assert json.loads(request.body) == ORDER
    assert request.headers["Saleor-Event"] == "order_created"
    assert request.headers["Saleor-Domain"] == "cho-ocop.example"
    assert request.headers["Saleor-Api-Url"] == "https://cho-ocop.example/graphql/"
    assert request.headers["Content-Type"] == "application/json"
    expected = hmac.new(b"b\xc3\xad-m\xe1\xba\xadt-hmac", request.body, hashlib.sha256)
    assert hmac.compare_digest(request.headers["Saleor-Signature"], expected.hexdigest())
    event = WebhookEvent.objects.get()
    assert (event.status, event.attempts) == (WebhookEventStatus.DELIVERED, 1)
    delivery = WebhookDelivery.objects.get()
    assert delivery.success and delivery.status_code == 200
    assert delivery.response_excerpt == "answer 200"


def test_emit_writes_rows_only_for_active_subscribed_webhooks(webhook):
    # given
    everything = Webhook.objects.create(
        name="all", target_url="http://127.0.0.1:9/", secret_key="k", events=["any_events"]
    )
    Webhook.objects.create(
        name="off",
        target_url="http://127.0.0.1:9/",
        secret_key="k",
        events=["order_created"],
        is_active=False,
    )
    Webhook.objects.create(
        name="products",
        target_url="http://127.0.0.1:9/",
        secret_key="k",
        events=["product_created"],
    )

    # when
    events = webhook_event_emit(event_type=WebhookEventType.ORDER_CREATED, payload=ORDER)

    # then
    assert sorted(event.webhook_id for event in events) == sorted([webhook.pk, everything.pk])
    assert WebhookEvent.objects.count() == 2


def test_outbox_rows_roll_back_with_the_emitters_transaction(webhook, receiver):
    # when
    with pytest.raises(RuntimeError), transaction.atomic():
        webhook_event_emit(event_type=WebhookEventType.ORDER_CREATED, payload=ORDER)
        raise RuntimeError("the order could not be saved")

    # then
    assert WebhookEvent.objects.count() == 0
    assert receiver.requests == []


@pytest.mark.parametrize("event_type", ["order_exploded", "any_events", ""])
def test_unknown_event_type_is_refused_and_writes_nothing(webhook, event_type):
    with pytest.raises(ValueError, match="Unknown webhook event type"):
        webhook_event_emit(event_type=event_type, payload=ORDER)

    assert WebhookEvent.objects.count() == 0


def test_server_errors_are_retried_with_exponential_backoff_then_marked_failed(
    webhook, receiver, settings
):
    # given
    settings.WEBHOOK_RETRY_BASE_SECONDS = 30
    receiver.statuses = [500]
    [event] = webhook_event_emit(event_type=WebhookEventType.ORDER_CREATED, payload=ORDER)
    delays = []

    # when: the first attempt and five retries, each once its delay has passed
    for _attempt in range(6):
        _make_due(event)
        before = timezone.now()
        resend_pending_webhook_events()
        event.refresh_from_db()
        delays.append(round((event.next_attempt_at - before).total_seconds()))

    # then
    assert len(receiver.requests) == 6
    assert event.status == WebhookEventStatus.FAILED
    assert event.attempts == 6
    assert delays[:5] == [30, 60, 120, 240, 480]
    attempts = list(WebhookDelivery.objects.filter(event=event))
    assert [attempt.status_code for attempt in attempts] == [500] * 6
    assert all(not attempt.success and attempt.error == "HTTP 500" for attempt in attempts)
    # a failed row is never sent again
    _make_due(event)
    assert resend_pending_webhook_events() == 0
    assert len(receiver.requests) == 6


def test_a_retry_that_succeeds_delivers_once(webhook, receiver):
    # given
    receiver.statuses = [503, 200]
    [event] = webhook_event_emit(event_type=WebhookEventType.ORDER_CREATED, payload=ORDER)
    _make_due(event)
    resend_pending_webhook_events()

    # when
    _make_due(event)
    resend_pending_webhook_events()

    # then
    event.refresh_from_db()
    assert event.status == WebhookEventStatus.DELIVERED
    assert [d.status_code for d in event.deliveries.all()] == [503, 200]
    assert len(receiver.requests) == 2


def test_connection_refused_is_recorded_and_retried(webhook):
    # given
    webhook.target_url = f"http://127.0.0.1:{_closed_port()}/hook"
    webhook.save()
    [event] = webhook_event_emit(event_type=WebhookEventType.ORDER_CREATED, payload=ORDER)

    # when
    deliver_webhook_event(event.pk)

    # then
    event.refresh_from_db()
    assert (event.status, event.attempts) == (WebhookEventStatus.PENDING, 1)
    assert event.next_attempt_at > timezone.now()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status_code is None
    assert "ConnectionError" in delivery.error


def test_client_errors_are_final_without_retries(webhook, receiver):
    # given
    receiver.statuses = [410]
    [event] = webhook_event_emit(event_type=WebhookEventType.ORDER_CREATED, payload=ORDER)

    # when
    deliver_webhook_event(event.pk)

    # then
    event.refresh_from_db()
    assert (event.status, event.attempts) == (WebhookEventStatus.FAILED, 1)


def test_duplicate_task_messages_deliver_once(webhook, receiver):
    # given
    [event] = webhook_event_emit(event_type=WebhookEventType.ORDER_CREATED, payload=ORDER)

    # when: the same message twice (a redelivery) and a beat re-send
    deliver_webhook_event(event.pk)
    deliver_webhook_event(event.pk)
    resend_pending_webhook_events()

    # then
    assert len(receiver.requests) == 1
    assert WebhookDelivery.objects.count() == 1


def test_a_retry_is_not_sent_before_its_time(webhook, receiver):
    # given
    receiver.statuses = [500]
    [event] = webhook_event_emit(event_type=WebhookEventType.ORDER_CREATED, payload=ORDER)
    deliver_webhook_event(event.pk)

    # when
    deliver_webhook_event(event.pk)
    resend_pending_webhook_events()

    # then
    assert len(receiver.requests) == 1


def test_events_of_a_deactivated_webhook_wait(webhook, receiver):
    # given
    [event] = webhook_event_emit(event_type=WebhookEventType.ORDER_CREATED, payload=ORDER)
    Webhook.objects.filter(pk=webhook.pk).update(is_active=False)

    # when
    deliver_webhook_event(event.pk)
    resend_pending_webhook_events()

    # then
    event.refresh_from_db()
    assert (event.status, event.attempts) == (WebhookEventStatus.PENDING, 0)
    assert receiver.requests == []


def test_outbox_survives_a_broker_that_is_down_at_commit(
    webhook, receiver, broker_down, django_capture_on_commit_callbacks
):
    # given: the broker refuses connections when the order commits
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        webhook_event_emit(event_type=WebhookEventType.ORDER_CREATED, payload=ORDER)

    # then: the commit went through quickly, the row waits, nothing was sent
    assert time.monotonic() - started < 5
    event = WebhookEvent.objects.get()
    assert (event.status, event.attempts) == (WebhookEventStatus.PENDING, 0)
    assert receiver.requests == []

    # when: the broker is back and the beat job runs
    from backend.config.celery import app

    app.conf.task_always_eager = True
    assert resend_pending_webhook_events() == 1

    # then
    event.refresh_from_db()
    assert event.status == WebhookEventStatus.DELIVERED
    assert json.loads(receiver.requests[0].body) == ORDER
