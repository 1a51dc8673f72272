import pytest
from django.contrib.auth import get_user_model

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args(browser_context_args):
    # Staff here read the admin in English: Accept-Language picks the language.
    return {**browser_context_args, "locale": "en-US"}


def test_staff_signs_in_to_the_admin_in_a_real_browser(live_server, page, screenshot):
    # given
    get_user_model().objects.create_superuser("staff@ocop.example", "a-long-Passw0rd!")

    # when
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Email").fill("staff@ocop.example")
    page.get_by_label("Password").fill("a-long-Passw0rd!")
    page.locator("input[type=submit]").click()

    # then
    page.wait_for_url(f"{live_server.url}/admin/")
    assert "staff@ocop.example" in page.content()
    assert screenshot("admin-signed-in").stat().st_size > 0
