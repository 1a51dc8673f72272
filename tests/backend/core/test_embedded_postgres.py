"""The embedded PostgreSQL default: boots from an empty folder, migrates, stops cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def manage(*args: str, var_dir: Path) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    environment.update(
        {"DJANGO_SETTINGS_MODULE": "backend.config.settings", "DEBUG": "true"},
    )
    environment["OCOP_VAR_DIR"] = str(var_dir)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=240,
    )


def postgres_processes_for(folder: Path) -> list[str]:
    listing = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    return [line for line in listing.splitlines() if "postgres" in line and str(folder) in line]


def test_embedded_postgres_boots_migrates_and_stops(tmp_path):
    var_dir = tmp_path / "var"

    # when: a fresh folder is migrated
    migrated = manage("migrate", "--no-input", var_dir=var_dir)

    # then
    assert migrated.returncode == 0, migrated.stderr
    assert (var_dir / "postgres" / "PG_VERSION").exists()
    assert postgres_processes_for(var_dir) == []  # the server stopped with the process

    # and the data folder is reused: the next run finds the migrated database
    checked = manage(
        "shell",
        "-c",
        "from django.db import connection;"
        "c = connection.cursor();"
        'c.execute("SELECT extname FROM pg_extension ORDER BY 1");'
        "print(sorted(r[0] for r in c.fetchall()));"
        "c.execute(\"SELECT unaccent('Đông Sơn'), similarity('nem chua', 'nem chau') > 0.3\");"
        "print(c.fetchone())",
        var_dir=var_dir,
    )
    assert checked.returncode == 0, checked.stderr
    assert "'pg_trgm'" in checked.stdout and "'unaccent'" in checked.stdout
    assert "('Dong Son', True)" in checked.stdout
    assert postgres_processes_for(var_dir) == []
