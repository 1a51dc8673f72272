import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import authenticate
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.dispatch import receiver

from backend.accounts import addresses, services
from backend.accounts.email_tokens import account_delete_tokens, password_reset_tokens
from backend.accounts.models import Address, CustomerEvent, User
from backend.accounts.signals import user_data_exporting, user_deleting
from tests.conftest import USER_PASSWORD

pytestmark = pytest.mark.django_db
REDIRECT = "http://localhost:3000/account/confirm?next=%2F"
ADDRESS = {"street_address_1": "12 Điện Biên Phủ", "city": "Ba Đình", "country_area": "Hà Nội"}


@pytest.fixture(autouse=True)
def _clear_throttle():
    cache.clear()
    yield
    cache.clear()


def codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in exc.error_dict.items()}


def token_from(message) -> tuple[str, str]:
    link = next(line for line in message.body.splitlines() if line.startswith("http"))
    query = parse_qs(urlsplit(link).query)
    return query["email"][0], query["token"][0]


# --- sign-in and throttling -----------------------------------------------------------------


def test_wrong_password_and_unknown_email_give_the_same_error(user):
    with pytest.raises(ValidationError) as wrong:
        services.user_authenticate(email=user.email, password="nope", ip="10.0.0.1")
    with pytest.raises(ValidationError) as unknown:
        services.user_authenticate(email="who@example.com", password="nope", ip="10.0.0.2")

    assert codes(wrong.value) == codes(unknown.value) == {"email": ["INVALID_CREDENTIALS"]}


def test_five_failures_for_an_email_delay_even_the_right_password(user):
    # given: failures from five different addresses
    for n in range(5):
        with pytest.raises(ValidationError):
            services.user_authenticate(email=user.email, password="bad", ip=f"10.0.0.{n}")

    # when
    with pytest.raises(ValidationError) as caught:
        services.user_authenticate(email=user.email, password=USER_PASSWORD, ip="10.0.1.1")

    # then
    assert codes(caught.value) == {"email": ["LOGIN_ATTEMPT_DELAYED"]}


def test_five_failures_from_one_ip_delay_every_email_from_it(user):
    for n in range(5):
        with pytest.raises(ValidationError):
            services.user_authenticate(email=f"x{n}@example.com", password="bad", ip="10.9.9.9")

    with pytest.raises(ValidationError) as caught:
        services.user_authenticate(email=user.email, password=USER_PASSWORD, ip="10.9.9.9")

    assert codes(caught.value) == {"email": ["LOGIN_ATTEMPT_DELAYED"]}
    # another address is not delayed
    assert services.user_authenticate(email=user.email, password=USER_PASSWORD, ip="10.1.1.1")


def test_four_failures_then_success_resets_the_email_counter(user):
    for _ in range(4):
        with pytest.raises(ValidationError):
            services.user_authenticate(email=user.email, password="bad", ip="")

    assert services.user_authenticate(email=user.email, password=USER_PASSWORD, ip="")
    for _ in range(4):
        with pytest.raises(ValidationError):
            services.user_authenticate(email=user.email, password="bad", ip="")
    assert services.user_authenticate(email=user.email, password=USER_PASSWORD, ip="")


def test_unconfirmed_and_inactive_accounts_cannot_sign_in(user):
    user.is_confirmed = False
    user.save()
    with pytest.raises(ValidationError) as unconfirmed:
        services.user_authenticate(email=user.email, password=USER_PASSWORD, ip="")
    user.is_confirmed, user.is_active = True, False
    user.save()
    with pytest.raises(ValidationError) as inactive:
        services.user_authenticate(email=user.email, password=USER_PASSWORD, ip="")

    assert codes(unconfirmed.value) == {"email": ["ACCOUNT_NOT_CONFIRMED"]}
    assert codes(inactive.value) == {"email": ["INACTIVE"]}


def test_session_login_uses_the_same_rules(client, user):
    # then: Django's session login works for server-rendered pages
    assert client.login(email=user.email, password=USER_PASSWORD)
    assert authenticate(None, username=user.email, password="bad") is None
    user.is_confirmed = False
    user.save()
    assert authenticate(None, username=user.email, password=USER_PASSWORD) is None


# --- registration, confirmation, reset ------------------------------------------------------


def test_register_queues_a_confirmation_email_in_the_chosen_language(
    django_capture_on_commit_callbacks,
):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        requires = services.user_register(
            email="Mai@Example.com",
            password=USER_PASSWORD,
            first_name="Mai",
            language_code="en",
            redirect_url=REDIRECT,
        )

    # then
    user = User.objects.get(email="mai@example.com")
    assert requires is True
    assert user.is_confirmed is False
    (message,) = mail.outbox
    assert message.subject == "Confirm your OCOP Market account"
    email, token = token_from(message)
    assert email == "mai@example.com"
    assert "next=%2F" in message.body
    assert services.user_confirm(email=email, token=token).is_confirmed is True
    with pytest.raises(ValidationError):  # single use
        services.user_confirm(email=email, token=token)


def test_register_with_a_taken_email_answers_the_same_and_changes_nothing(
    user, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        requires = services.user_register(
            email=user.email.upper(), password="Another-pass-99", redirect_url=REDIRECT
        )

    # then
    assert requires is True
    assert User.objects.count() == 1
    user.refresh_from_db()
    assert user.check_password(USER_PASSWORD)
    assert mail.outbox == []


def test_register_without_confirmation_setting_creates_a_confirmed_account(settings):
    settings.ACCOUNT_CONFIRMATION_REQUIRED = False

    assert services.user_register(email="an@example.com", password=USER_PASSWORD) is False
    assert User.objects.get(email="an@example.com").is_confirmed is True


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"email": "not-an-email"}, {"email": ["INVALID"]}),
        (
            {"password": "123"},
            {
                "password": [
                    "PASSWORD_TOO_SHORT",
                    "PASSWORD_TOO_COMMON",
                    "PASSWORD_ENTIRELY_NUMERIC",
                ]
            },
        ),
        ({"password": "newperson1@example.com"}, {"password": ["PASSWORD_TOO_SIMILAR"]}),
        ({"redirect_url": "https://evil.example/steal"}, {"redirect_url": ["INVALID"]}),
        ({"redirect_url": "javascript:alert(1)"}, {"redirect_url": ["INVALID"]}),
        ({"redirect_url": None}, {"redirect_url": ["REQUIRED"]}),
    ],
)
def test_register_bad_input_is_refused_and_creates_nothing(kwargs, expected):
    data = {"email": "newperson1@example.com", "password": USER_PASSWORD, "redirect_url": REDIRECT}

    with pytest.raises(ValidationError) as caught:
        services.user_register(**{**data, **kwargs})

    assert {k: sorted(v) for k, v in codes(caught.value).items()} == {
        k: sorted(v) for k, v in expected.items()
    }
    assert User.objects.count() == 0


def test_password_reset_for_unknown_email_sends_nothing_and_does_not_fail(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        services.password_reset_request(email="nobody@example.com", redirect_url=REDIRECT)

    assert mail.outbox == []


def test_password_reset_link_sets_a_new_password_once_and_revokes_tokens(
    user, django_capture_on_commit_callbacks
):
    # given
    old_key = user.jwt_token_key
    with django_capture_on_commit_callbacks(execute=True):
        services.password_reset_request(email=user.email, redirect_url=REDIRECT)
    (message,) = mail.outbox
    assert message.subject == "Đặt lại mật khẩu OCOP Market"  # the user's language: vi
    email, token = token_from(message)

    # when
    services.password_set(email=email, password="Brand-new-pass-7", token=token)

    # then
    user.refresh_from_db()
    assert user.check_password("Brand-new-pass-7")
    assert user.jwt_token_key != old_key
    with pytest.raises(ValidationError) as reused:
        services.password_set(email=email, password="Other-new-pass-8", token=token)
    assert codes(reused.value) == {"token": ["INVALID"]}


def test_password_change_needs_the_old_password_and_rotates_the_token_key(user):
    old_key = user.jwt_token_key
    with pytest.raises(ValidationError) as caught:
        services.password_change(actor=user, old_password="bad", new_password="Brand-new-pass-7")
    assert codes(caught.value) == {"old_password": ["INVALID_CREDENTIALS"]}
    assert User.objects.get(pk=user.pk).jwt_token_key == old_key

    services.password_change(
        actor=user, old_password=USER_PASSWORD, new_password="Brand-new-pass-7"
    )

    assert User.objects.get(pk=user.pk).jwt_token_key != old_key


def test_reset_token_cannot_confirm_a_deletion(user):
    token = password_reset_tokens.make_token(user)

    with pytest.raises(ValidationError):
        services.user_delete(actor=user, token=token)
    assert User.objects.get(pk=user.pk).email == user.email


# --- deletion and export --------------------------------------------------------------------


def test_delete_erases_personal_data_and_addresses_and_tells_other_apps(user):
    # given
    addresses.address_create(actor=user, data={**ADDRESS, "phone": "0912345678"})
    other = User.objects.create_user("other@example.com", USER_PASSWORD)
    addresses.address_create(actor=other, data=ADDRESS)
    seen = []

    @receiver(user_deleting)
    def _record(sender, user, **kwargs):
        seen.append((user.pk, user.email))  # still readable: receivers run before the erase

    try:
        # when
        services.user_delete(actor=user, token=account_delete_tokens.make_token(user))
    finally:
        user_deleting.disconnect(_record)

    # then
    user.refresh_from_db()
    assert seen == [(user.pk, "lan.nguyen@example.com")]
    assert user.email.endswith("@deleted.invalid")
    assert (user.first_name, user.last_name, user.metadata) == ("", "", {})
    assert not user.is_active and not user.has_usable_password()
    assert list(user.groups.all()) == []
    assert Address.objects.filter(user=user).count() == 0
    assert Address.objects.filter(user=other).count() == 1
    assert User.objects.filter(email="lan.nguyen@example.com").count() == 0
    assert CustomerEvent.objects.filter(user=user, type="account_deleted").count() == 1


def test_staff_cannot_delete_themselves_through_the_api(staff_user):
    with pytest.raises(ValidationError) as caught:
        services.user_delete(actor=staff_user, token=account_delete_tokens.make_token(staff_user))

    assert codes(caught.value) == {"token": ["DELETE_STAFF_ACCOUNT"]}


def test_export_holds_profile_addresses_history_and_other_apps_sections(user):
    # given
    address = addresses.address_create(actor=user, data=ADDRESS)

    def _orders(sender, user, **kwargs):
        return ("orders", [{"number": "OCOP-1"}])

    user_data_exporting.connect(_orders)
    try:
        # when
        data = services.user_data_export(actor=user)
    finally:
        user_data_exporting.disconnect(_orders)

    # then
    json.dumps(data)  # JSON-ready
    assert data["profile"]["email"] == user.email
    assert data["profile"]["roles"] == ["shopper"]
    assert data["addresses"][0]["city"] == "Phường Ba Đình"
    assert data["addresses"][0]["is_default_shipping"] is True
    assert data["orders"] == [{"number": "OCOP-1"}]
    assert address.pk
