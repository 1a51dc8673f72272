import base64
import json
from datetime import UTC, datetime, timedelta

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from backend.accounts import jwt_tokens
from backend.accounts.checks import check_rsa_private_key
from backend.accounts.services import tokens_deactivate_all
from tests.conftest import API_ISSUER

pytestmark = pytest.mark.django_db


def test_access_token_carries_saleors_claims_and_roles(user):
    # when
    token = jwt_tokens.create_access_token(user, issuer=API_ISSUER)

    # then
    header = jwt.get_unverified_header(token)
    payload = jwt_tokens.decode(token, issuers=[API_ISSUER])
    assert header["alg"] == "RS256"
    assert header["kid"] == jwt_tokens.key_id()
    assert payload["type"] == "access"
    assert payload["email"] == user.email
    assert payload["iss"] == API_ISSUER
    assert payload["token"] == user.jwt_token_key
    assert payload["is_staff"] is False
    assert payload["roles"] == ["shopper"]
    assert base64.b64decode(payload["user_id"]).decode() == f"User:{user.pk}"
    assert payload["exp"] - payload["iat"] == 5 * 60


def test_refresh_token_lasts_30_days_and_holds_the_csrf_token(user):
    # when
    token = jwt_tokens.create_refresh_token(user, issuer=API_ISSUER, csrf_token="c" * 64)

    # then
    payload = jwt_tokens.decode(token, issuers=[API_ISSUER])
    assert payload["type"] == "refresh"
    assert payload["csrfToken"] == "c" * 64
    assert payload["exp"] - payload["iat"] == 30 * 24 * 3600


def test_token_issued_six_minutes_ago_has_expired(user):
    # given
    issued = datetime.now(tz=UTC) - timedelta(minutes=6)
    token = jwt_tokens.create_access_token(user, issuer=API_ISSUER, now=issued)

    # then
    with pytest.raises(jwt.ExpiredSignatureError):
        jwt_tokens.decode(token, issuers=[API_ISSUER])


def test_token_issued_four_minutes_ago_is_still_valid(user):
    # given
    issued = datetime.now(tz=UTC) - timedelta(minutes=4)
    token = jwt_tokens.create_access_token(user, issuer=API_ISSUER, now=issued)

    # then
    assert jwt_tokens.decode(token, issuers=[API_ISSUER])["email"] == user.email


def test_foreign_issuer_is_refused(user):
    # given
    token = jwt_tokens.create_access_token(user, issuer="https://evil.example/graphql/")

    # then
    with pytest.raises(jwt.InvalidIssuerError):
        jwt_tokens.decode(token, issuers=[API_ISSUER])


def test_token_signed_with_another_key_is_refused(user):
    # given: same claims, another RSA key
    payload = jwt_tokens.decode(
        jwt_tokens.create_access_token(user, issuer=API_ISSUER), issuers=[API_ISSUER]
    )
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = jwt.encode(payload, other_key, algorithm="RS256")

    # then
    with pytest.raises(jwt.InvalidSignatureError):
        jwt_tokens.decode(forged, issuers=[API_ISSUER])


def test_hs256_token_signed_with_the_public_key_is_refused(user):
    # given: the classic algorithm-confusion attack
    payload = {"iss": API_ISSUER, "type": "access", "email": user.email}
    forged = jwt.encode(payload, "s" * 64, algorithm="HS256")

    # then
    with pytest.raises(jwt.InvalidAlgorithmError):
        jwt_tokens.decode(forged, issuers=[API_ISSUER])


def test_deactivated_tokens_no_longer_name_a_user(user):
    # given
    payload = jwt_tokens.decode(
        jwt_tokens.create_access_token(user, issuer=API_ISSUER), issuers=[API_ISSUER]
    )

    # when
    tokens_deactivate_all(actor=user)

    # then
    with pytest.raises(jwt.InvalidTokenError):
        jwt_tokens.user_from_payload(payload, token_type="access")


def test_refresh_token_is_not_an_access_token(user):
    # given
    token = jwt_tokens.create_refresh_token(user, issuer=API_ISSUER, csrf_token="x")
    payload = jwt_tokens.decode(token, issuers=[API_ISSUER])

    # then
    with pytest.raises(jwt.InvalidTokenError):
        jwt_tokens.user_from_payload(payload, token_type="access")


def test_inactive_user_tokens_are_refused(user):
    # given
    payload = jwt_tokens.decode(
        jwt_tokens.create_access_token(user, issuer=API_ISSUER), issuers=[API_ISSUER]
    )
    user.is_active = False
    user.save()

    # then
    with pytest.raises(jwt.InvalidTokenError):
        jwt_tokens.user_from_payload(payload, token_type="access")


def test_jwks_publishes_the_public_key_that_verifies_tokens(client, user):
    # given
    token = jwt_tokens.create_access_token(user, issuer=API_ISSUER)

    # when
    response = client.get("/.well-known/jwks.json")

    # then
    assert response.status_code == 200
    (key,) = json.loads(response.content)["keys"]
    assert "d" not in key  # never the private part
    assert key["kid"] == jwt_tokens.key_id()
    public = jwt.PyJWK(key).key
    assert jwt.decode(token, public, algorithms=["RS256"], issuer=API_ISSUER)["email"]


def test_configured_private_key_is_used(settings, user):
    # given
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    settings.RSA_PRIVATE_KEY = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    ).decode()
    jwt_tokens.private_key.cache_clear()
    jwt_tokens.key_id.cache_clear()
    try:
        # when
        token = jwt_tokens.create_access_token(user, issuer=API_ISSUER)

        # then
        assert jwt.decode(token, key.public_key(), algorithms=["RS256"], issuer=API_ISSUER)
    finally:
        settings.RSA_PRIVATE_KEY = ""
        jwt_tokens.private_key.cache_clear()
        jwt_tokens.key_id.cache_clear()


def test_development_key_is_generated_into_var_once(settings, tmp_path):
    # given
    settings.RSA_DEVELOPMENT_KEY_PATH = tmp_path / "jwt_private_key.pem"

    # when
    first = jwt_tokens._development_key_pem()
    second = jwt_tokens._development_key_pem()

    # then
    assert first == second
    assert first.startswith(b"-----BEGIN PRIVATE KEY-----")
    assert (tmp_path / "jwt_private_key.pem").stat().st_mode & 0o077 == 0


def test_unloadable_private_key_is_a_system_check_error_naming_the_variable(settings):
    # given
    settings.RSA_PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----"

    # when
    errors = check_rsa_private_key()

    # then
    assert [error.id for error in errors] == ["accounts.E001"]
    assert errors[0].obj == "RSA_PRIVATE_KEY"
