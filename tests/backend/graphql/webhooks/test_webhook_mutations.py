import json

import pytest
from graphql_relay import to_global_id

from backend.webhooks.models import Webhook, WebhookEvent
from backend.webhooks.services import webhook_event_emit
from tests.conftest import ApiClient, content

pytestmark = pytest.mark.django_db

WEBHOOK_CREATE = """
mutation Create($input: WebhookCreateInput!) {
  webhookCreate(input: $input) {
    errors { field code message }
    webhook { id name targetUrl isActive secretKey asyncEvents { eventType name } }
  }
}
"""

WEBHOOK_UPDATE = """
mutation Update($id: ID, $input: WebhookUpdateInput!) {
  webhookUpdate(id: $id, input: $input) {
    errors { field code }
    webhook { id name isActive asyncEvents { eventType } }
  }
}
"""

WEBHOOK_DELETE = """
mutation Delete($id: ID) {
  webhookDelete(id: $id) { errors { field code } webhook { id name } }
}
"""

VALID = {
    "name": "Kho vận",
    "targetUrl": "https://93.184.216.34/hooks",
    "asyncEvents": ["ORDER_CREATED", "OCOP_CERTIFICATE_ISSUED"],
}


@pytest.fixture
def existing():
    return Webhook.objects.create(
        name="ERP", target_url="https://erp.example/", secret_key="k", events=["order_created"]
    )


def test_staff_creates_a_webhook(webhook_staff_client):
    # when
    response = webhook_staff_client.post_graphql(WEBHOOK_CREATE, {"input": VALID})

    # then
    data = content(response)["data"]["webhookCreate"]
    assert data["errors"] == []
    webhook = Webhook.objects.get()
    assert data["webhook"]["id"] == to_global_id("Webhook", webhook.pk)
    assert data["webhook"]["targetUrl"] == "https://93.184.216.34/hooks"
    assert data["webhook"]["isActive"] is True
    assert len(data["webhook"]["secretKey"]) >= 32  # generated: every delivery is signed
    assert {event["eventType"] for event in data["webhook"]["asyncEvents"]} == {
        "ORDER_CREATED",
        "OCOP_CERTIFICATE_ISSUED",
    }
    assert webhook.events == ["ocop_certificate_issued", "order_created"]


def test_deprecated_events_and_secret_key_are_accepted(webhook_staff_client):
    response = webhook_staff_client.post_graphql(
        WEBHOOK_CREATE,
        {"input": {**VALID, "asyncEvents": None, "events": ["ANY_EVENTS"], "secretKey": "s3"}},
    )

    data = content(response)["data"]["webhookCreate"]
    assert data["errors"] == []
    assert Webhook.objects.get().events == ["any_events"]
    assert Webhook.objects.get().secret_key == "s3"


@pytest.mark.parametrize(
    ("override", "field", "code"),
    [
        ({"name": "  "}, "name", "REQUIRED"),
        ({"name": None}, "name", "REQUIRED"),
        ({"targetUrl": None}, "targetUrl", "REQUIRED"),
        ({"targetUrl": "ftp://erp.example/"}, "targetUrl", "INVALID"),
        ({"targetUrl": "not a url"}, "targetUrl", "INVALID"),
        ({"asyncEvents": []}, "events", "MISSING_EVENT"),
        ({"secretKey": "x" * 256}, "secretKey", "INVALID"),
    ],
)
def test_invalid_input_is_refused_and_nothing_is_written(
    webhook_staff_client, override, field, code
):
    # when
    response = webhook_staff_client.post_graphql(WEBHOOK_CREATE, {"input": {**VALID, **override}})

    # then
    data = content(response)["data"]["webhookCreate"]
    assert [(e["field"], e["code"]) for e in data["errors"]] == [(field, code)]
    assert data["webhook"] is None
    assert Webhook.objects.count() == 0


@pytest.mark.parametrize("client_name", ["api_client", "shopper_client"])
def test_only_staff_manage_webhooks(client_name, request, existing):
    # given
    client: ApiClient = request.getfixturevalue(client_name)
    global_id = to_global_id("Webhook", existing.pk)

    # when
    responses = [
        client.post_graphql(WEBHOOK_CREATE, {"input": VALID}),
        client.post_graphql(WEBHOOK_UPDATE, {"id": global_id, "input": {"name": "x"}}),
        client.post_graphql(WEBHOOK_DELETE, {"id": global_id}),
    ]

    # then
    for response in responses:
        body = json.loads(response.content)
        assert body["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    existing.refresh_from_db()
    assert existing.name == "ERP"
    assert Webhook.objects.count() == 1


def test_staff_updates_only_the_given_fields(webhook_staff_client, existing):
    # when
    response = webhook_staff_client.post_graphql(
        WEBHOOK_UPDATE,
        {
            "id": to_global_id("Webhook", existing.pk),
            "input": {"isActive": False, "asyncEvents": ["PRODUCER_APPROVED"]},
        },
    )

    # then
    data = content(response)["data"]["webhookUpdate"]
    assert data["errors"] == []
    assert data["webhook"]["asyncEvents"] == [{"eventType": "PRODUCER_APPROVED"}]
    existing.refresh_from_db()
    assert (existing.name, existing.is_active, existing.secret_key) == ("ERP", False, "k")
    assert existing.events == ["producer_approved"]


@pytest.mark.parametrize(
    ("global_id", "code"),
    [
        (to_global_id("Webhook", 999_999), "NOT_FOUND"),
        (to_global_id("Product", 1), "GRAPHQL_ERROR"),
        ("not-an-id", "GRAPHQL_ERROR"),
        (None, "GRAPHQL_ERROR"),
    ],
)
def test_update_and_delete_of_a_missing_webhook(webhook_staff_client, existing, global_id, code):
    # when
    update = webhook_staff_client.post_graphql(
        WEBHOOK_UPDATE, {"id": global_id, "input": {"name": "Mới"}}
    )
    delete = webhook_staff_client.post_graphql(WEBHOOK_DELETE, {"id": global_id})

    # then
    assert content(update)["data"]["webhookUpdate"]["errors"] == [{"field": "id", "code": code}]
    assert content(delete)["data"]["webhookDelete"]["errors"] == [{"field": "id", "code": code}]
    existing.refresh_from_db()
    assert existing.name == "ERP"


def test_update_with_an_invalid_url_changes_nothing(webhook_staff_client, existing):
    response = webhook_staff_client.post_graphql(
        WEBHOOK_UPDATE,
        {"id": to_global_id("Webhook", existing.pk), "input": {"name": "Mới", "targetUrl": "x"}},
    )

    assert content(response)["data"]["webhookUpdate"]["errors"] == [
        {"field": "targetUrl", "code": "INVALID"}
    ]
    existing.refresh_from_db()
    assert existing.name == "ERP"


def test_staff_deletes_a_webhook_with_its_outbox(webhook_staff_client, existing):
    # given
    other = Webhook.objects.create(
        name="Khác", target_url="https://b.example/", secret_key="k", events=["order_created"]
    )
    webhook_event_emit(event_type="order_created", payload={"n": 1})

    # when
    response = webhook_staff_client.post_graphql(
        WEBHOOK_DELETE, {"id": to_global_id("Webhook", existing.pk)}
    )

    # then
    data = content(response)["data"]["webhookDelete"]
    assert data == {
        "errors": [],
        "webhook": {"id": to_global_id("Webhook", existing.pk), "name": "ERP"},
    }
    assert list(Webhook.objects.all()) == [other]
    assert list(WebhookEvent.objects.values_list("webhook_id", flat=True)) == [other.pk]
