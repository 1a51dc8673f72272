import pytest
from django.contrib.auth import get_user_model

from qr import services


@pytest.mark.parametrize("model", ["batch", "traceevent", "serialcode", "scan", "labeljob"])
def test_staff_can_list_qr_rows_in_the_admin_but_not_add(client, db, batch, model):
    # given
    admin_user = get_user_model().objects.create_superuser("root@ocop.example", "pw-123456")
    client.force_login(admin_user)
    services.serials_issue(actor=admin_user, producer=batch.producer, batch=batch, count=2)

    # when
    listing = client.get(f"/admin/qr/{model}/")
    add = client.get(f"/admin/qr/{model}/add/")

    # then
    assert listing.status_code == 200
    assert add.status_code == 403
