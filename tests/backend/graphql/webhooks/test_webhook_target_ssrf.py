"""webhookCreate / webhookUpdate refuse targets inside the network (SSRF guard)."""

import pytest
from graphql_relay import to_global_id

from backend.webhooks.models import Webhook
from tests.conftest import content

pytestmark = pytest.mark.django_db

WEBHOOK_CREATE = """
mutation Create($input: WebhookCreateInput!) {
  webhookCreate(input: $input) {
    errors { field code message }
    webhook { targetUrl }
  }
}
"""

WEBHOOK_UPDATE = """
mutation Update($id: ID, $input: WebhookUpdateInput!) {
  webhookUpdate(id: $id, input: $input) {
    errors { field code message }
    webhook { targetUrl }
  }
}
"""

PUBLIC_TARGET = "https://93.184.216.34/hook"

INTERNAL_TARGETS = [
    "http://127.0.0.1:5432/",
    "http://127.1.2.3/",
    "http://10.0.0.5/hook",
    "http://172.16.0.1/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",  # carrier-grade NAT
    "http://169.254.169.254/latest/meta-data/",  # cloud metadata
    "http://0.0.0.0:8000/",
    "http://224.0.0.1/",
    "http://240.0.0.1/",
    "http://[::1]/",
    "http://[::]/",
    "http://[fe80::1]/",
    "http://[fc00::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://[2002:7f00:1::]/",  # 6to4 wrapping 127.0.0.1
    "http://localhost:8000/",
    "http://2130706433/",  # 127.0.0.1 as one decimal number
    "http://0x7f.1/",
]


def _create(client, target_url, **headers):
    response = client.post_graphql(
        WEBHOOK_CREATE,
        {"input": {"name": "ERP", "targetUrl": target_url, "asyncEvents": ["ORDER_CREATED"]}},
        **headers,
    )
    return content(response)["data"]["webhookCreate"]


@pytest.fixture
def no_private_networks(settings):
    settings.WEBHOOK_ALLOWED_PRIVATE_NETWORKS = []


@pytest.mark.usefixtures("no_private_networks")
@pytest.mark.parametrize("target_url", INTERNAL_TARGETS)
def test_internal_targets_are_refused_on_create(webhook_staff_client, target_url):
    # when
    data = _create(webhook_staff_client, target_url)

    # then
    assert [(e["field"], e["code"]) for e in data["errors"]] == [("targetUrl", "INVALID")]
    assert "địa chỉ nội bộ" in data["errors"][0]["message"]
    assert data["webhook"] is None
    assert Webhook.objects.count() == 0


@pytest.mark.usefixtures("no_private_networks")
def test_refusal_names_the_address_in_vietnamese_and_english(webhook_staff_client):
    # when
    vietnamese = _create(webhook_staff_client, "http://169.254.169.254/", HTTP_ACCEPT_LANGUAGE="vi")
    english = _create(webhook_staff_client, "http://169.254.169.254/", HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert vietnamese["errors"][0]["message"] == (
        "Địa chỉ nhận trỏ tới địa chỉ nội bộ 169.254.169.254, không được phép gọi."
    )
    assert english["errors"][0]["message"] == (
        "The target URL points to the internal address 169.254.169.254, which may not be called."
    )


@pytest.mark.parametrize(
    ("target_url", "message"),
    [
        ("ftp://93.184.216.34/", "The target URL must be a valid http or https URL."),
        ("file:///etc/passwd", "The target URL must be a valid http or https URL."),
        ("gopher://93.184.216.34:70/", "The target URL must be a valid http or https URL."),
        ("javascript:alert(1)", "The target URL must be a valid http or https URL."),
        ("https://93.184.216.34:99999/", "The target URL must be a valid http or https URL."),
        ("https:///hook", "The target URL must be a valid http or https URL."),
        (
            "https://erp:mat-khau@93.184.216.34/hook",
            "The target URL may not contain a user name or password; use the secret key.",
        ),
        (
            "https://erp@93.184.216.34/hook",
            "The target URL may not contain a user name or password; use the secret key.",
        ),
        ("https://erp.invalid/hook", "The target host erp.invalid could not be found."),
    ],
)
def test_malformed_targets_are_refused_with_a_clear_message(
    webhook_staff_client, target_url, message
):
    # when
    data = _create(webhook_staff_client, target_url, HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert data["errors"] == [{"field": "targetUrl", "code": "INVALID", "message": message}]
    assert Webhook.objects.count() == 0


def test_https_is_required_unless_http_is_allowed(webhook_staff_client, settings):
    # given
    settings.WEBHOOK_ALLOW_HTTP = False

    # when
    refused = _create(webhook_staff_client, "http://93.184.216.34/hook", HTTP_ACCEPT_LANGUAGE="en")
    accepted = _create(webhook_staff_client, PUBLIC_TARGET)

    # then
    assert refused["errors"] == [
        {"field": "targetUrl", "code": "INVALID", "message": "The target URL must use https."}
    ]
    assert accepted["errors"] == []
    assert list(Webhook.objects.values_list("target_url", flat=True)) == [PUBLIC_TARGET]


@pytest.mark.usefixtures("no_private_networks")
@pytest.mark.parametrize(
    "target_url", [PUBLIC_TARGET, "https://[2606:2800:220:1:248:1893:25c8:1946]/hook"]
)
def test_public_addresses_are_accepted(webhook_staff_client, target_url):
    # when
    data = _create(webhook_staff_client, target_url)

    # then
    assert data["errors"] == []
    assert data["webhook"]["targetUrl"] == target_url
    assert Webhook.objects.get().target_url == target_url


def test_allowed_private_networks_admit_exactly_their_ranges(webhook_staff_client, settings):
    # given
    settings.WEBHOOK_ALLOWED_PRIVATE_NETWORKS = ["10.0.5.0/24"]

    # when
    inside = _create(webhook_staff_client, "http://10.0.5.7:8080/hook")
    outside = _create(webhook_staff_client, "http://10.0.6.1/hook")

    # then
    assert inside["errors"] == []
    assert [(e["field"], e["code"]) for e in outside["errors"]] == [("targetUrl", "INVALID")]
    assert list(Webhook.objects.values_list("target_url", flat=True)) == [
        "http://10.0.5.7:8080/hook"
    ]


@pytest.mark.usefixtures("no_private_networks")
@pytest.mark.parametrize(
    "target_url",
    ["http://169.254.169.254/", "http://localhost/", "http://[::ffff:10.0.0.1]/"],
)
def test_internal_targets_are_refused_on_update_and_nothing_changes(
    webhook_staff_client, target_url
):
    # given
    webhook = Webhook.objects.create(
        name="ERP", target_url=PUBLIC_TARGET, secret_key="k", events=["order_created"]
    )

    # when
    response = webhook_staff_client.post_graphql(
        WEBHOOK_UPDATE,
        {
            "id": to_global_id("Webhook", webhook.pk),
            "input": {"name": "Đổi tên", "targetUrl": target_url},
        },
    )

    # then
    data = content(response)["data"]["webhookUpdate"]
    assert [(e["field"], e["code"]) for e in data["errors"]] == [("targetUrl", "INVALID")]
    assert data["webhook"] is None
    webhook.refresh_from_db()
    assert (webhook.name, webhook.target_url) == ("ERP", PUBLIC_TARGET)
