import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from backend.config import env

ROOT = Path(__file__).resolve().parents[3]


def run_check(extra_env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "DEBUG"}
    }
    environment.update({"DJANGO_SETTINGS_MODULE": "backend.config.settings"})
    environment.update({"OCOP_VAR_DIR": str(tmp_path)})
    environment.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _rsa_pem_one_line() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    pem = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return pem.decode().replace("\n", "\\n")  # one environment line, as deployments set it


def test_settings_load_with_vietnamese_defaults():
    # then
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _ in settings.LANGUAGES] == ["vi", "en"]
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.AUTH_USER_MODEL == "accounts.User"
    assert settings.DATABASES["default"]["ENGINE"] in {
        "django.db.backends.postgresql",
        "backend.core.db.embedded",
    }


def test_every_app_has_an_explicit_label():
    from django.apps import apps

    for config in apps.get_app_configs():
        if config.name.startswith(("backend.", "producers", "qr", "storefront_theme")):
            assert "label" in type(config).__dict__, config.name


def test_production_without_required_settings_stops_with_the_variable_names(tmp_path):
    # when
    result = run_check({"DEBUG": "false"}, tmp_path)

    # then
    assert result.returncode != 0
    for variable in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "QR_SIGNING_KEY"):
        assert variable in result.stderr


def test_production_with_required_settings_passes_the_environment_checks(tmp_path):
    # when
    result = run_check(
        {
            "DEBUG": "false",
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "ocop.example",
            "DATABASE_URL": "postgres://ocop@db.invalid:5432/ocop",
            "REDIS_URL": "redis://redis.invalid:6379/0",
            "RSA_PRIVATE_KEY": _rsa_pem_one_line(),
            "QR_SIGNING_KEY": "q" * 40,
        },
        tmp_path,
    )

    # then
    assert result.returncode == 0, result.stderr
    assert "ocop.E" not in result.stderr


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DEBUG", "maybe"),
        ("DATABASE_URL", "mysql://root@localhost/ocop"),
        ("DATABASE_URL", "postgres://localhost:5432/"),
        ("DB_CONN_MAX_AGE", "forever"),
        ("STRIPE_SECRET_KEY", "sk_test_only_half_configured"),
        ("QR_SIGNING_KEY", "too-short"),
        ("SIGN_IN_RATE_LIMIT", "lots"),
        ("WEBHOOK_ALLOWED_PRIVATE_NETWORKS", "10.0.5.0/24,intranet"),
        ("WEBHOOK_ALLOW_HTTP", "maybe"),
    ],
)
def test_a_wrong_value_stops_start_up_naming_the_variable(variable, value, tmp_path):
    # when
    result = run_check({"DEBUG": "true", variable: value}, tmp_path)

    # then
    assert result.returncode != 0
    assert "ocop.E" in result.stderr
    named = "STRIPE_WEBHOOK_SECRET" if variable == "STRIPE_SECRET_KEY" else variable
    assert named in result.stderr


def test_database_url_parsing():
    parsed = env.parse_database_url("postgres://user:p%40ss@db.example:6543/ocop?sslmode=require")

    assert parsed["NAME"] == "ocop"
    assert parsed["USER"] == "user"
    assert parsed["PASSWORD"] == "p@ss"
    assert parsed["HOST"] == "db.example"
    assert parsed["PORT"] == "6543"
    assert parsed["OPTIONS"] == {"sslmode": "require"}


def test_production_without_rsa_private_key_names_the_variable(tmp_path):
    # when
    result = run_check({"DEBUG": "false", "RSA_PRIVATE_KEY": ""}, tmp_path)

    # then
    assert result.returncode != 0
    assert "RSA_PRIVATE_KEY" in result.stderr


def test_unloadable_rsa_private_key_stops_start_up(tmp_path):
    # when
    result = run_check({"DEBUG": "true", "RSA_PRIVATE_KEY": "not a pem"}, tmp_path)

    # then
    assert result.returncode != 0
    assert "accounts.E001" in result.stderr
    assert "RSA_PRIVATE_KEY" in result.stderr


def test_prepared_statements_keep_database_url_options():
    from backend.config.settings import _database_options

    merged = _database_options(
        {"sslmode": "require", "options": "-c statement_timeout=5000"},
        {"prepare_threshold": 100, "options": "-c plan_cache_mode=force_generic_plan"},
    )

    assert merged == {
        "sslmode": "require",
        "prepare_threshold": 100,
        "options": "-c statement_timeout=5000 -c plan_cache_mode=force_generic_plan",
    }
    assert settings.DATABASES["default"]["OPTIONS"]["prepare_threshold"] is not None
