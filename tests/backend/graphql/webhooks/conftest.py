import pytest

from backend.accounts.models import User
from tests.conftest import ApiClient


@pytest.fixture
def webhook_staff_client(db) -> ApiClient:
    staff = User.objects.create_user("staff@ocop.example", "mật-khẩu-dài", is_staff=True)
    client = ApiClient(user=staff)
    client.force_login(staff)
    return client


@pytest.fixture
def shopper_client(db) -> ApiClient:
    shopper = User.objects.create_user("khach@ocop.example", "mật-khẩu-dài")
    client = ApiClient(user=shopper)
    client.force_login(shopper)
    return client
