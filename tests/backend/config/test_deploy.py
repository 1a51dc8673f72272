import os
import subprocess
import sys
from pathlib import Path

from tests.backend.config.test_settings import _rsa_pem_one_line

ROOT = Path(__file__).resolve().parents[3]


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k3J9-wq_T0zPm7Lr2VxYb8NcHs5FdGe1UiOaZ4QjXtW6yRnBvM",
    "ALLOWED_HOSTS": "cho-ocop.example",
    "DATABASE_URL": "postgres://ocop@db.invalid:5432/ocop",
    "REDIS_URL": "redis://redis.invalid:6379/0",
    "PUBLIC_URL": "https://cho-ocop.example",
    "RSA_PRIVATE_KEY": _rsa_pem_one_line(),
    "QR_SIGNING_KEY": "q" * 40,
}


def _run(args: list[str], extra: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    environment = {"PATH": os.environ["PATH"], "OCOP_VAR_DIR": str(tmp_path), **extra}
    environment["DJANGO_SETTINGS_MODULE"] = "backend.config.settings"
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True,
        timeout=90,
    )  # fmt: skip


def test_production_settings_pass_check_deploy_without_warnings(tmp_path):
    # when
    result = _run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION, tmp_path
    )

    # then
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_sentry_starts_only_when_a_dsn_is_set(tmp_path):
    script = (
        "import django, sys; django.setup()\n"
        "print('sentry_sdk' in sys.modules)\n"
        "import sentry_sdk; print(sentry_sdk.get_client().is_active())\n"
    )
    without = _run(["-c", script], PRODUCTION, tmp_path)
    with_dsn = _run(
        ["-c", script], {**PRODUCTION, "SENTRY_DSN": "https://public@sentry.invalid/1"}, tmp_path
    )

    assert without.stdout.split() == ["False", "False"], without.stderr
    assert with_dsn.stdout.split() == ["True", "True"], with_dsn.stderr
