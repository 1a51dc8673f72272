"""Reading settings from the environment.

Bad values never raise at import time: they are recorded in ``PROBLEMS`` and reported by
the ``core`` system checks, so start-up stops with a message naming the variable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlparse

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


@dataclass(frozen=True)
class SettingProblem:
    variable: str
    message: str
    production_only: bool = False


PROBLEMS: list[SettingProblem] = []


def problem(variable: str, message: str, *, production_only: bool = False) -> None:
    PROBLEMS.append(SettingProblem(variable, message, production_only))


def get_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def get_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    problem(name, f"{name} must be true or false, got {raw!r}.")
    return default


def get_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        problem(name, f"{name} must be a whole number, got {raw!r}.")
        return default
    if minimum is not None and value < minimum:
        problem(name, f"{name} must be at least {minimum}, got {value}.")
        return default
    return value


def get_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def parse_database_url(url: str) -> dict[str, object]:
    """Turn ``postgres://user:pass@host:port/name?sslmode=require`` into Django's dict.

    Raises ValueError for anything that is not a PostgreSQL URL: this project has no other
    database backend.
    """
    parsed = urlparse(url)
    if parsed.scheme not in {"postgres", "postgresql", "pgsql"}:
        raise ValueError(
            "DATABASE_URL must be a postgres:// URL (PostgreSQL is the only database)."
        )
    name = unquote(parsed.path.lstrip("/"))
    if not name:
        raise ValueError("DATABASE_URL must name a database, e.g. postgres://user@host:5432/ocop.")
    options = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
    host = options.pop("host", None) or parsed.hostname or ""
    try:
        port = parsed.port
    except ValueError as exc:
        raise ValueError(f"DATABASE_URL has an invalid port: {exc}.") from exc
    return {
        "NAME": name,
        "USER": unquote(parsed.username or ""),
        "PASSWORD": unquote(parsed.password or ""),
        "HOST": unquote(host),
        "PORT": str(port or ""),
        "OPTIONS": options,
    }
