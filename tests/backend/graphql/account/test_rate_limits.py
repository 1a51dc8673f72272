"""Per-IP request limits on tokenCreate, accountRegister and requestPasswordReset."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from backend.accounts.models import User
from tests.backend.graphql.account.test_account_mutations import REDIRECT, REGISTER, REQUEST_RESET
from tests.backend.graphql.account.test_authentication import TOKEN_CREATE
from tests.conftest import USER_PASSWORD, content

pytestmark = pytest.mark.django_db
OTHER_IP = {"REMOTE_ADDR": "10.0.0.9"}


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()


def sign_in(client, password, **extra):
    variables = {"email": "lan.nguyen@example.com", "password": password}
    return content(client.post_graphql(TOKEN_CREATE, variables, **extra))["data"]["tokenCreate"]


def test_sign_in_is_limited_per_ip_even_with_the_right_password(api_client, user, settings):
    # given: the per-email failure throttle would allow these
    settings.SIGN_IN_RATE_LIMIT = "2/60"
    settings.LOGIN_THROTTLE_FAILURES = 100

    # when
    answers = [sign_in(api_client, USER_PASSWORD) for _ in range(3)]
    other_ip = sign_in(api_client, USER_PASSWORD, **OTHER_IP)

    # then
    assert [bool(a["token"]) for a in answers] == [True, True, False]
    [error] = answers[2]["errors"]
    assert (error["field"], error["code"]) == (None, "LOGIN_ATTEMPT_DELAYED")
    assert "giây" in error["message"]
    assert other_ip["errors"] == [] and other_ip["token"]


def test_the_failure_throttle_still_applies_under_the_ip_limit(api_client, user, settings):
    # given
    settings.SIGN_IN_RATE_LIMIT = "100/60"
    settings.LOGIN_THROTTLE_FAILURES = 2

    # when
    wrong = [sign_in(api_client, "wrong")["errors"][0]["code"] for _ in range(2)]
    right = sign_in(api_client, USER_PASSWORD)

    # then
    assert wrong == ["INVALID_CREDENTIALS", "INVALID_CREDENTIALS"]
    assert [e["code"] for e in right["errors"]] == ["LOGIN_ATTEMPT_DELAYED"]


def test_register_is_limited_per_ip_and_the_refused_one_writes_nothing(api_client, settings):
    # given
    settings.ACCOUNT_REGISTER_RATE_LIMIT = "2/3600"

    def register(number, **extra):
        variables = {
            "input": {
                "email": f"khach{number}@example.com",
                "password": "Mat-khau-dai-123",
                "redirectUrl": REDIRECT,
            }
        }
        return content(api_client.post_graphql(REGISTER, variables, **extra))["data"][
            "accountRegister"
        ]

    # when
    answers = [register(n) for n in range(3)]
    other_ip = register(9, **OTHER_IP)

    # then
    assert [a["errors"] for a in answers[:2]] == [[], []]
    assert answers[2]["errors"] == [{"field": None, "code": "TOO_MANY_REQUESTS"}]
    assert other_ip["errors"] == []
    assert sorted(User.objects.values_list("email", flat=True)) == [
        "khach0@example.com",
        "khach1@example.com",
        "khach9@example.com",
    ]


def test_password_reset_is_limited_per_ip(api_client, user, settings, mailoutbox):
    # given
    settings.PASSWORD_RESET_RATE_LIMIT = "1/3600"
    variables = {"email": user.email, "url": "http://localhost:3000/reset"}

    # when
    first = content(api_client.post_graphql(REQUEST_RESET, variables))
    second = content(api_client.post_graphql(REQUEST_RESET, variables))

    # then
    assert first["data"]["requestPasswordReset"]["errors"] == []
    assert second["data"]["requestPasswordReset"]["errors"] == [
        {"field": None, "code": "PASSWORD_RESET_ALREADY_REQUESTED"}
    ]


def test_empty_limits_switch_the_checks_off(api_client, user, settings):
    # given
    settings.SIGN_IN_RATE_LIMIT = ""

    # when
    answers = [sign_in(api_client, USER_PASSWORD) for _ in range(5)]

    # then
    assert all(a["token"] for a in answers)
