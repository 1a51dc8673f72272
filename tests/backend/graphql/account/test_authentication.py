"""The flow of Saleor's auth client, and every way a token can be bad."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache
from django.test import Client

from backend.accounts import jwt_tokens
from tests.conftest import API_ISSUER, API_PATH, USER_PASSWORD, ApiClient, content

pytestmark = pytest.mark.django_db

TOKEN_CREATE = """
mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) {
    token refreshToken csrfToken
    user { email }
    errors { field code message }
  }
}
"""
TOKEN_REFRESH = """
mutation($refreshToken: String, $csrfToken: String) {
  tokenRefresh(refreshToken: $refreshToken, csrfToken: $csrfToken) {
    token user { email } errors { field code }
  }
}
"""
TOKEN_VERIFY = """
mutation($token: String!) {
  tokenVerify(token: $token) { isValid payload user { email } errors { field code } }
}
"""
DEACTIVATE = "mutation { tokensDeactivateAll { errors { field code } } }"
ME = "{ me { id email firstName isStaff } }"


@pytest.fixture(autouse=True)
def _clear_throttle():
    cache.clear()
    yield
    cache.clear()


def top_level_code(response) -> str:
    body = json.loads(response.content)
    return body["errors"][0]["extensions"]["exception"]["code"]


def test_saleor_auth_client_flow(api_client, user):
    # when: sign in
    created = content(
        api_client.post_graphql(TOKEN_CREATE, {"email": user.email, "password": USER_PASSWORD})
    )["data"]["tokenCreate"]

    # then
    assert created["errors"] == []
    assert created["user"] == {"email": user.email}
    assert jwt_tokens.decode(created["token"], issuers=[API_ISSUER])["iss"] == API_ISSUER

    # when: the access token as a Bearer header
    me = content(api_client.post_graphql(ME, HTTP_AUTHORIZATION=f"Bearer {created['token']}"))[
        "data"
    ]["me"]
    assert me["email"] == user.email
    assert me["isStaff"] is False

    # when: refresh, then call again with the new token
    refreshed = content(
        api_client.post_graphql(
            TOKEN_REFRESH,
            {"refreshToken": created["refreshToken"], "csrfToken": created["csrfToken"]},
        )
    )["data"]["tokenRefresh"]
    assert refreshed["errors"] == []
    again = content(api_client.post_graphql(ME, HTTP_AUTHORIZATION=f"Bearer {refreshed['token']}"))[
        "data"
    ]["me"]
    assert again["email"] == user.email


def test_issuer_is_the_endpoint_url_as_the_client_called_it(api_client, user):
    # when
    created = content(
        api_client.post_graphql(
            TOKEN_CREATE,
            {"email": user.email, "password": USER_PASSWORD},
            HTTP_HOST="localhost:8000",
        )
    )["data"]["tokenCreate"]

    # then
    payload = jwt_tokens.decode(created["token"], issuers=["http://localhost:8000/graphql/"])
    assert payload["iss"] == "http://localhost:8000/graphql/"


def test_jwt_prefix_is_accepted_too(api_client, user):
    token = jwt_tokens.create_access_token(user, issuer=API_ISSUER)

    response = api_client.post_graphql(ME, HTTP_AUTHORIZATION=f"JWT {token}")

    assert content(response)["data"]["me"]["email"] == user.email


def test_anonymous_me_is_null(api_client):
    assert content(api_client.post_graphql(ME))["data"]["me"] is None


def test_session_cookie_does_not_authenticate_the_api(user):
    # given: signed in for server-rendered pages only (a session cookie, no token)
    browser = Client()
    browser.force_login(user)

    # when
    response = browser.post(API_PATH, json.dumps({"query": ME}), content_type="application/json")

    # then: the CSRF-exempt API ignores the cookie
    assert content(response)["data"]["me"] is None


@pytest.mark.parametrize(
    ("make_token", "code"),
    [
        (
            lambda u: jwt_tokens.create_access_token(
                u, issuer=API_ISSUER, now=datetime.now(tz=UTC) - timedelta(minutes=6)
            ),
            "ExpiredSignatureError",
        ),
        (
            lambda u: jwt_tokens.create_access_token(u, issuer="https://other.example/graphql/"),
            "InvalidIssuerError",
        ),
        (
            lambda u: jwt_tokens.create_access_token(u, issuer=API_ISSUER)[:-4] + "AAAA",
            "InvalidSignatureError",
        ),
        (lambda u: "not-a-jwt", "DecodeError"),
        (
            lambda u: jwt_tokens.create_refresh_token(u, issuer=API_ISSUER, csrf_token="x"),
            "InvalidTokenError",
        ),
    ],
    ids=["expired", "wrong-iss", "tampered", "garbage", "refresh-as-access"],
)
def test_bad_tokens_give_saleors_top_level_errors_not_500(api_client, user, make_token, code):
    # when
    response = api_client.post_graphql(ME, HTTP_AUTHORIZATION=f"Bearer {make_token(user)}")

    # then
    assert response.status_code == 200
    assert json.loads(response.content)["data"] == {"me": None}
    assert top_level_code(response) == code


def test_tampered_claims_are_refused(api_client, user, staff_user):
    # given: a shopper's token with the payload swapped for the staff member's
    header, _, signature = jwt_tokens.create_access_token(user, issuer=API_ISSUER).split(".")
    _, staff_payload, _ = jwt_tokens.create_access_token(staff_user, issuer=API_ISSUER).split(".")

    # when
    response = api_client.post_graphql(
        ME, HTTP_AUTHORIZATION=f"Bearer {header}.{staff_payload}.{signature}"
    )

    # then
    assert top_level_code(response) == "InvalidSignatureError"


def test_bad_token_does_not_break_fields_that_ignore_the_user(api_client):
    response = api_client.post_graphql("{ shop { name } }", HTTP_AUTHORIZATION="Bearer junk")

    assert content(response)["data"]["shop"]["name"] == "OCOP Market"


def test_tokens_deactivate_all_revokes_access_and_refresh_tokens(user_api_client, user):
    # given
    refresh = jwt_tokens.create_refresh_token(user, issuer=API_ISSUER, csrf_token="c")

    # when
    data = content(user_api_client.post_graphql(DEACTIVATE))["data"]["tokensDeactivateAll"]

    # then
    assert data["errors"] == []
    assert top_level_code(user_api_client.post_graphql(ME)) == "InvalidTokenError"
    refreshed = content(user_api_client.post_graphql(TOKEN_REFRESH, {"refreshToken": refresh}))
    assert refreshed["data"]["tokenRefresh"]["errors"] == [
        {"field": "refreshToken", "code": "JWT_INVALID_TOKEN"}
    ]


def test_tokens_deactivate_all_needs_a_signed_in_user(api_client):
    assert top_level_code(api_client.post_graphql(DEACTIVATE)) == "PermissionDenied"


def test_password_change_invalidates_existing_refresh_tokens(user_api_client, user):
    # given
    refresh = jwt_tokens.create_refresh_token(user, issuer=API_ISSUER, csrf_token="c")

    # when
    changed = content(
        user_api_client.post_graphql(
            "mutation($o: String, $n: String!) { passwordChange(oldPassword: $o, newPassword: $n)"
            " { errors { field code } } }",
            {"o": USER_PASSWORD, "n": "Brand-new-pass-7"},
        )
    )["data"]["passwordChange"]

    # then
    assert changed["errors"] == []
    refreshed = content(ApiClient().post_graphql(TOKEN_REFRESH, {"refreshToken": refresh}))["data"][
        "tokenRefresh"
    ]
    assert refreshed["errors"] == [{"field": "refreshToken", "code": "JWT_INVALID_TOKEN"}]


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({}, [{"field": "refreshToken", "code": "JWT_MISSING_TOKEN"}]),
        ({"refreshToken": "junk"}, [{"field": "refreshToken", "code": "JWT_DECODE_ERROR"}]),
    ],
)
def test_token_refresh_bad_input(api_client, variables, expected):
    data = content(api_client.post_graphql(TOKEN_REFRESH, variables))["data"]["tokenRefresh"]

    assert data == {"token": None, "user": None, "errors": expected}


def test_token_refresh_with_expired_refresh_token(api_client, user):
    old = datetime.now(tz=UTC) - timedelta(days=31)
    token = jwt_tokens.create_refresh_token(user, issuer=API_ISSUER, csrf_token="c", now=old)

    data = content(api_client.post_graphql(TOKEN_REFRESH, {"refreshToken": token}))["data"]

    assert data["tokenRefresh"]["errors"] == [
        {"field": "refreshToken", "code": "JWT_SIGNATURE_EXPIRED"}
    ]


def test_token_refresh_with_wrong_csrf_token(api_client, user):
    token = jwt_tokens.create_refresh_token(user, issuer=API_ISSUER, csrf_token="right")

    data = content(
        api_client.post_graphql(TOKEN_REFRESH, {"refreshToken": token, "csrfToken": "wrong"})
    )["data"]

    assert data["tokenRefresh"]["errors"] == [
        {"field": "csrfToken", "code": "JWT_INVALID_CSRF_TOKEN"}
    ]


def test_access_token_cannot_be_used_to_refresh(api_client, user):
    token = jwt_tokens.create_access_token(user, issuer=API_ISSUER)

    data = content(api_client.post_graphql(TOKEN_REFRESH, {"refreshToken": token}))["data"]

    assert data["tokenRefresh"]["errors"] == [
        {"field": "refreshToken", "code": "JWT_INVALID_TOKEN"}
    ]


def test_token_verify(api_client, user):
    token = jwt_tokens.create_access_token(user, issuer=API_ISSUER)
    expired = jwt_tokens.create_access_token(
        user, issuer=API_ISSUER, now=datetime.now(tz=UTC) - timedelta(hours=1)
    )

    good = content(api_client.post_graphql(TOKEN_VERIFY, {"token": token}))["data"]["tokenVerify"]
    bad = content(api_client.post_graphql(TOKEN_VERIFY, {"token": expired}))["data"]["tokenVerify"]

    assert good["isValid"] is True
    assert good["payload"]["email"] == user.email
    assert good["user"] == {"email": user.email}
    assert bad == {
        "isValid": False,
        "payload": None,
        "user": None,
        "errors": [{"field": "token", "code": "JWT_SIGNATURE_EXPIRED"}],
    }


@pytest.mark.parametrize(
    ("email", "password"), [("lan.nguyen@example.com", "wrong"), ("nobody@example.com", "x")]
)
def test_token_create_bad_credentials(api_client, user, email, password):
    data = content(api_client.post_graphql(TOKEN_CREATE, {"email": email, "password": password}))

    created = data["data"]["tokenCreate"]
    assert created["token"] is None
    assert [(e["field"], e["code"]) for e in created["errors"]] == [
        ("email", "INVALID_CREDENTIALS")
    ]


def test_token_create_is_throttled_per_email_with_a_clear_error(api_client, user):
    # given: five failures
    for n in range(5):
        api_client.post_graphql(
            TOKEN_CREATE, {"email": user.email, "password": "bad"}, REMOTE_ADDR=f"10.0.0.{n}"
        )

    # when: the right password, from yet another address
    data = content(
        api_client.post_graphql(
            TOKEN_CREATE, {"email": user.email, "password": USER_PASSWORD}, REMOTE_ADDR="10.0.1.1"
        )
    )["data"]["tokenCreate"]

    # then
    assert data["token"] is None
    (error,) = data["errors"]
    assert (error["field"], error["code"]) == ("email", "LOGIN_ATTEMPT_DELAYED")
    assert "15" in error["message"]


def test_token_create_is_throttled_per_ip(api_client, user):
    for n in range(5):
        api_client.post_graphql(
            TOKEN_CREATE, {"email": f"x{n}@example.com", "password": "bad"}, REMOTE_ADDR="10.7.7.7"
        )

    data = content(
        api_client.post_graphql(
            TOKEN_CREATE, {"email": user.email, "password": USER_PASSWORD}, REMOTE_ADDR="10.7.7.7"
        )
    )["data"]["tokenCreate"]

    assert [e["code"] for e in data["errors"]] == ["LOGIN_ATTEMPT_DELAYED"]


def test_forwarded_for_is_trusted_only_behind_configured_proxies(api_client, user, settings):
    # given: a spoofed X-Forwarded-For does not escape the IP counter
    for n in range(5):
        api_client.post_graphql(
            TOKEN_CREATE,
            {"email": f"x{n}@example.com", "password": "bad"},
            REMOTE_ADDR="10.7.7.8",
            HTTP_X_FORWARDED_FOR=f"1.2.3.{n}",
        )

    data = content(
        api_client.post_graphql(
            TOKEN_CREATE, {"email": user.email, "password": USER_PASSWORD}, REMOTE_ADDR="10.7.7.8"
        )
    )["data"]["tokenCreate"]
    assert [e["code"] for e in data["errors"]] == ["LOGIN_ATTEMPT_DELAYED"]

    # when: one trusted proxy appends the client's address
    settings.TRUSTED_PROXY_COUNT = 1
    data = content(
        api_client.post_graphql(
            TOKEN_CREATE,
            {"email": user.email, "password": USER_PASSWORD},
            REMOTE_ADDR="10.7.7.8",
            HTTP_X_FORWARDED_FOR="spoofed, 203.0.113.9",
        )
    )["data"]["tokenCreate"]

    # then
    assert data["errors"] == []


def test_staff_token_says_so(staff_api_client):
    assert content(staff_api_client.post_graphql(ME))["data"]["me"]["isStaff"] is True
