import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.core.cache import cache

from backend.accounts.email_tokens import account_delete_tokens, password_reset_tokens
from backend.accounts.models import Address, User
from tests.conftest import USER_PASSWORD, content

pytestmark = pytest.mark.django_db
REDIRECT = "http://localhost:3000/confirm"

REGISTER = """
mutation($input: AccountRegisterInput!) {
  accountRegister(input: $input) { requiresConfirmation user { email } errors { field code } }
}
"""
CONFIRM = """
mutation($email: String!, $token: String!) {
  confirmAccount(email: $email, token: $token) { user { email isConfirmed } errors { field code } }
}
"""
REQUEST_RESET = """
mutation($email: String!, $url: String!) {
  requestPasswordReset(email: $email, redirectUrl: $url) { errors { field code } }
}
"""
SET_PASSWORD = """
mutation($email: String!, $password: String!, $token: String!) {
  setPassword(email: $email, password: $password, token: $token) {
    token refreshToken user { email } errors { field code }
  }
}
"""
PASSWORD_CHANGE = """
mutation($old: String, $new: String!) {
  passwordChange(oldPassword: $old, newPassword: $new) { user { email } errors { field code } }
}
"""
ACCOUNT_UPDATE = """
mutation($input: AccountInput!, $customerId: ID) {
  accountUpdate(input: $input, customerId: $customerId) {
    user { firstName lastName languageCode isStaff metadata { key value }
           defaultShippingAddress { city } }
    errors { field code }
  }
}
"""
REQUEST_DELETION = """
mutation($url: String!) { accountRequestDeletion(redirectUrl: $url) { errors { field code } } }
"""
DELETE = "mutation($token: String!) { accountDelete(token: $token) { errors { field code } } }"
EXPORT = "mutation { accountDataExport { data errors { field code } } }"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


def link_params(message) -> dict[str, str]:
    link = next(line for line in message.body.splitlines() if line.startswith("http"))
    return {key: values[0] for key, values in parse_qs(urlsplit(link).query).items()}


def test_register_confirm_then_sign_in(api_client, django_capture_on_commit_callbacks):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        registered = content(
            api_client.post_graphql(
                REGISTER,
                {
                    "input": {
                        "email": "mai@example.com",
                        "password": USER_PASSWORD,
                        "firstName": "Mai",
                        "languageCode": "VI",
                        "redirectUrl": REDIRECT,
                    }
                },
            )
        )["data"]["accountRegister"]

    # then
    assert registered == {"requiresConfirmation": True, "user": None, "errors": []}
    (message,) = mail.outbox
    assert message.subject == "Xác nhận tài khoản OCOP Market"
    params = link_params(message)
    confirmed = content(api_client.post_graphql(CONFIRM, params))["data"]["confirmAccount"]
    assert confirmed == {
        "user": {"email": "mai@example.com", "isConfirmed": True},
        "errors": [],
    }


def test_register_with_an_existing_email_gives_the_same_answer(
    api_client, user, django_capture_on_commit_callbacks
):
    variables = {
        "input": {"email": user.email, "password": "Other-pass-123", "redirectUrl": REDIRECT}
    }

    with django_capture_on_commit_callbacks(execute=True):
        data = content(api_client.post_graphql(REGISTER, variables))["data"]["accountRegister"]

    assert data == {"requiresConfirmation": True, "user": None, "errors": []}
    assert User.objects.count() == 1
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"email": "nope"}, [{"field": "email", "code": "INVALID"}]),
        (
            {"password": "12345678"},
            [
                {"field": "password", "code": "PASSWORD_TOO_COMMON"},
                {"field": "password", "code": "PASSWORD_ENTIRELY_NUMERIC"},
            ],
        ),
        ({"redirectUrl": "https://evil.example/x"}, [{"field": "redirectUrl", "code": "INVALID"}]),
    ],
)
def test_register_bad_input_returns_codes_and_creates_nothing(api_client, changes, expected):
    variables = {
        "input": {
            "email": "new@example.com",
            "password": USER_PASSWORD,
            "redirectUrl": REDIRECT,
            **changes,
        }
    }

    data = content(api_client.post_graphql(REGISTER, variables))["data"]["accountRegister"]

    assert data["errors"] == expected
    assert User.objects.count() == 0


def test_register_cannot_set_staff_or_roles(api_client):
    variables = {"input": {"email": "x@example.com", "password": USER_PASSWORD, "isStaff": True}}

    response = api_client.post_graphql(REGISTER, variables)

    assert response.status_code == 400  # not a field of AccountRegisterInput
    assert User.objects.count() == 0


def test_confirm_with_a_wrong_token(api_client, user):
    data = content(api_client.post_graphql(CONFIRM, {"email": user.email, "token": "x-y"}))

    assert data["data"]["confirmAccount"]["errors"] == [{"field": "token", "code": "INVALID"}]


def test_request_reset_never_reveals_whether_the_email_exists(
    api_client, user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = content(
            api_client.post_graphql(REQUEST_RESET, {"email": user.email, "url": REDIRECT})
        )
        unknown = content(
            api_client.post_graphql(REQUEST_RESET, {"email": "no@example.com", "url": REDIRECT})
        )

    assert known == unknown == {"data": {"requestPasswordReset": {"errors": []}}}
    assert [m.to for m in mail.outbox] == [[user.email]]


def test_request_reset_refuses_a_foreign_redirect_url(api_client, user):
    data = content(
        api_client.post_graphql(
            REQUEST_RESET, {"email": user.email, "url": "https://evil.example/"}
        )
    )

    assert data["data"]["requestPasswordReset"]["errors"] == [
        {"field": "redirectUrl", "code": "INVALID"}
    ]


def test_set_password_signs_in_with_the_new_password(api_client, user):
    token = password_reset_tokens.make_token(user)

    data = content(
        api_client.post_graphql(
            SET_PASSWORD, {"email": user.email, "password": "Brand-new-pass-7", "token": token}
        )
    )["data"]["setPassword"]

    assert data["errors"] == []
    assert data["token"] and data["refreshToken"]
    user.refresh_from_db()
    assert user.check_password("Brand-new-pass-7")


@pytest.mark.parametrize(
    ("password", "token", "expected"),
    [
        ("Brand-new-pass-7", "bad-token", [{"field": "token", "code": "INVALID"}]),
        ("short", None, [{"field": "password", "code": "PASSWORD_TOO_SHORT"}]),
    ],
)
def test_set_password_bad_input_changes_nothing(api_client, user, password, token, expected):
    token = token or password_reset_tokens.make_token(user)

    data = content(
        api_client.post_graphql(
            SET_PASSWORD, {"email": user.email, "password": password, "token": token}
        )
    )["data"]["setPassword"]

    assert data["errors"] == expected
    assert data["token"] is None
    user.refresh_from_db()
    assert user.check_password(USER_PASSWORD)


def test_password_change_with_a_wrong_old_password(user_api_client, user):
    data = content(
        user_api_client.post_graphql(PASSWORD_CHANGE, {"old": "bad", "new": "Brand-new-pass-7"})
    )

    assert data["data"]["passwordChange"]["errors"] == [
        {"field": "oldPassword", "code": "INVALID_CREDENTIALS"}
    ]
    user.refresh_from_db()
    assert user.check_password(USER_PASSWORD)


def test_password_change_with_a_weak_new_password(user_api_client, user):
    data = content(
        user_api_client.post_graphql(PASSWORD_CHANGE, {"old": USER_PASSWORD, "new": "lan.nguyen"})
    )

    codes = [e["code"] for e in data["data"]["passwordChange"]["errors"]]
    assert "PASSWORD_TOO_SIMILAR" in codes
    user.refresh_from_db()
    assert user.check_password(USER_PASSWORD)


def test_account_update_changes_profile_and_adds_a_default_address(user_api_client, user):
    variables = {
        "input": {
            "firstName": "Lan Anh",
            "languageCode": "EN",
            "metadata": [{"key": "newsletter", "value": "yes"}],
            "defaultShippingAddress": {
                "streetAddress1": "1 Tràng Tiền",
                "city": "hoan kiem",
                "countryArea": "ha noi",
            },
        }
    }

    data = content(user_api_client.post_graphql(ACCOUNT_UPDATE, variables))["data"]["accountUpdate"]

    assert data["errors"] == []
    assert data["user"]["firstName"] == "Lan Anh"
    assert data["user"]["languageCode"] == "EN"
    assert data["user"]["metadata"] == [{"key": "newsletter", "value": "yes"}]
    assert data["user"]["defaultShippingAddress"] == {"city": "Phường Hoàn Kiếm"}


def test_account_update_with_a_bad_address_changes_nothing(user_api_client, user):
    variables = {
        "input": {
            "firstName": "Changed",
            "defaultBillingAddress": {
                "streetAddress1": "1",
                "city": "15724",
                "countryArea": "Hà Nội",
            },
        }
    }

    data = content(user_api_client.post_graphql(ACCOUNT_UPDATE, variables))["data"]["accountUpdate"]

    assert data["errors"] == [{"field": "city", "code": "INVALID"}]
    user.refresh_from_db()
    assert user.first_name == "Lan"
    assert Address.objects.count() == 0


def test_account_update_cannot_set_staff(user_api_client, user):
    response = user_api_client.post_graphql(ACCOUNT_UPDATE, {"input": {"isStaff": True}})

    assert response.status_code == 400
    user.refresh_from_db()
    assert user.is_staff is False


def test_account_update_for_another_customer_is_refused(user_api_client, staff_user):
    from graphql_relay import to_global_id

    response = user_api_client.post_graphql(
        ACCOUNT_UPDATE,
        {"input": {"firstName": "X"}, "customerId": to_global_id("User", staff_user.pk)},
    )

    assert (
        json.loads(response.content)["errors"][0]["extensions"]["exception"]["code"]
        == "PermissionDenied"
    )
    staff_user.refresh_from_db()
    assert staff_user.first_name == "Minh"


def test_anonymous_cannot_update_an_account(api_client):
    response = api_client.post_graphql(ACCOUNT_UPDATE, {"input": {"firstName": "X"}})

    assert (
        json.loads(response.content)["errors"][0]["extensions"]["exception"]["code"]
        == "PermissionDenied"
    )


def test_request_deletion_then_delete_anonymises_the_account(
    user_api_client, user, django_capture_on_commit_callbacks
):
    # given
    with django_capture_on_commit_callbacks(execute=True):
        requested = content(user_api_client.post_graphql(REQUEST_DELETION, {"url": REDIRECT}))
    assert requested["data"]["accountRequestDeletion"]["errors"] == []
    (message,) = mail.outbox
    token = link_params(message)["token"]

    # when
    deleted = content(user_api_client.post_graphql(DELETE, {"token": token}))["data"][
        "accountDelete"
    ]

    # then
    assert deleted["errors"] == []
    user.refresh_from_db()
    assert user.is_active is False
    assert user.email.endswith("@deleted.invalid")
    response = user_api_client.post_graphql("{ me { email } }")
    assert (
        json.loads(response.content)["errors"][0]["extensions"]["exception"]["code"]
        == "InvalidTokenError"
    )


def test_delete_with_a_wrong_token_changes_nothing(user_api_client, user):
    data = content(user_api_client.post_graphql(DELETE, {"token": "bad-token"}))

    assert data["data"]["accountDelete"]["errors"] == [{"field": "token", "code": "INVALID"}]
    user.refresh_from_db()
    assert user.is_active and user.email == "lan.nguyen@example.com"


def test_someone_elses_deletion_token_does_not_work(user_api_client, user, staff_user):
    token = account_delete_tokens.make_token(staff_user)

    data = content(user_api_client.post_graphql(DELETE, {"token": token}))

    assert data["data"]["accountDelete"]["errors"] == [{"field": "token", "code": "INVALID"}]


def test_data_export_returns_ones_own_data_as_json(user_api_client, user, staff_user):
    data = content(user_api_client.post_graphql(EXPORT))["data"]["accountDataExport"]

    exported = json.loads(data["data"])
    assert data["errors"] == []
    assert exported["profile"]["email"] == user.email
    assert staff_user.email not in data["data"]


def test_data_export_needs_a_signed_in_user(api_client):
    response = api_client.post_graphql(EXPORT)

    assert (
        json.loads(response.content)["errors"][0]["extensions"]["exception"]["code"]
        == "PermissionDenied"
    )
