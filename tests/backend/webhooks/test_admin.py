import pytest

from backend.accounts.models import User
from backend.webhooks.models import Webhook
from backend.webhooks.services import webhook_event_emit
from backend.webhooks.tasks import deliver_webhook_event

pytestmark = pytest.mark.django_db


def test_admin_lists_webhooks_events_and_deliveries(client, webhook, receiver):
    # given
    admin = User.objects.create_superuser("admin@ocop.example", "mật-khẩu")
    client.force_login(admin)
    [event] = webhook_event_emit(event_type="order_created", payload={"n": 1})
    deliver_webhook_event(event.pk)

    # when
    pages = [
        client.get("/admin/webhooks/webhook/"),
        client.get(f"/admin/webhooks/webhook/{webhook.pk}/change/"),
        client.get("/admin/webhooks/webhookevent/"),
        client.get(f"/admin/webhooks/webhookevent/{event.pk}/change/"),
        client.get("/admin/webhooks/webhookdelivery/"),
    ]

    # then
    assert [page.status_code for page in pages] == [200] * 5
    assert "answer 200" in pages[3].content.decode()


def test_admin_refuses_an_internal_target(client, settings):
    # given
    settings.WEBHOOK_ALLOWED_PRIVATE_NETWORKS = []
    admin = User.objects.create_superuser("admin@ocop.example", "mật-khẩu")
    client.force_login(admin)

    # when
    response = client.post(
        "/admin/webhooks/webhook/add/",
        {
            "name": "Metadata",
            "target_url": "http://169.254.169.254/latest/meta-data/",
            "secret_key": "k",
            "events": "order_created",
            "is_active": "on",
        },
    )

    # then
    assert response.status_code == 200  # the form again, with its error
    assert "169.254.169.254" in response.context["adminform"].form.errors["target_url"][0]
    assert not Webhook.objects.exists()
