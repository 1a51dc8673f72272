import json
import logging

import pytest

from backend.core.logging import JsonFormatter, RequestIdFilter, request_id_var
from backend.core.metrics import task_finished
from backend.webhooks.models import Webhook, WebhookDelivery, WebhookEvent

pytestmark = pytest.mark.django_db


def test_every_response_carries_a_request_id(client):
    # when
    generated = client.get("/healthz")
    passed_on = client.get("/healthz", HTTP_X_REQUEST_ID="nginx-1234abcd")
    forged = client.get("/healthz", HTTP_X_REQUEST_ID="<script>\n")

    # then
    assert len(generated["X-Request-ID"]) == 32
    assert passed_on["X-Request-ID"] == "nginx-1234abcd"
    assert forged["X-Request-ID"] != "<script>\n"


def test_json_logs_carry_the_request_id_and_extra_fields():
    # given
    record = logging.makeLogRecord(
        {"name": "ocop.orders", "levelno": logging.INFO, "levelname": "INFO",
         "msg": "đơn %s đã tạo", "args": ("OCOP-1",), "order_id": 7}
    )  # fmt: skip
    token = request_id_var.set("req-abc12345")
    try:
        RequestIdFilter().filter(record)
    finally:
        request_id_var.reset(token)

    # when
    line = JsonFormatter().format(record)

    # then
    entry = json.loads(line)
    assert entry["message"] == "đơn OCOP-1 đã tạo"
    assert entry["request_id"] == "req-abc12345"
    assert entry["order_id"] == 7
    assert entry["level"] == "INFO"


def test_metrics_in_prometheus_text_format(client):
    # given
    client.get("/healthz")
    task_finished("failed")
    webhook = Webhook.objects.create(
        name="x", target_url="http://127.0.0.1:9/", secret_key="k", events=["order_created"]
    )
    event = WebhookEvent.objects.create(webhook=webhook, event_type="order_created", payload={})
    WebhookDelivery.objects.create(event=event, success=False, error="HTTP 500")

    # when
    response = client.get("/metrics")

    # then
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    text = response.content.decode()
    assert 'ocop_http_requests_total{method="GET",status="200"}' in text
    assert 'ocop_http_request_duration_seconds_bucket{le="+Inf"}' in text
    assert "ocop_http_request_duration_seconds_count" in text
    assert 'ocop_celery_tasks_total{state="failed"}' in text
    assert "ocop_webhook_failed_attempts 1" in text
    assert "ocop_webhook_events_pending 1" in text


def test_metrics_need_the_token_when_one_is_set(client, settings):
    settings.METRICS_TOKEN = "bí-mật"

    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer sai").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer bí-mật").status_code == 200
