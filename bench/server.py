"""Start the app as production runs it (infra/gunicorn.conf.py, production settings) for benches.

Usage from a bench: ``ensure_database(database_url)``, then
``with production_server(database_url) as base_url: ...``. The server gets a throwaway
SECRET_KEY and RSA key, REDIS_URL on DB 6 (tasks are queued, not run) and no TLS redirect
(it listens on 127.0.0.1 only).
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from backend.core.db.embedded.server import ensure_database as create_database_if_missing

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def ensure_database(url: str) -> None:
    """Create the database ``url`` names if it does not exist (no password: local trust)."""
    parts = urlsplit(url)
    host = parse_qs(parts.query).get("host", [parts.hostname or "127.0.0.1"])[0]
    create_database_if_missing(
        host=host,
        port=str(parts.port or ""),
        user=parts.username or "postgres",
        name=parts.path.lstrip("/"),
    )


def production_secrets() -> dict[str, str]:
    """Throwaway values for what production mode requires (system checks), no rate limit."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "RSA_PRIVATE_KEY": pem,
        "QR_SIGNING_KEY": secrets.token_urlsafe(40),
        # One load generator on 127.0.0.1 is not a client to throttle.
        "GRAPHQL_RATE_LIMIT": "",
    }


def production_env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        **production_secrets(),
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "REDIS_URL": "redis://127.0.0.1:6379/6",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        # One load generator on one IP is many shoppers: per-client limits would refuse it.
        "GRAPHQL_RATE_LIMIT": "",
    }


def gunicorn_command(port: int, *, workers: int = 2, threads: int | None = None) -> list[str]:
    """Production's gunicorn (infra/gunicorn.conf.py: WSGI, gthread) on 127.0.0.1:``port``,
    without the access log (it would cost the server more than some requests)."""
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "-c",
        str(ROOT / "infra" / "gunicorn.conf.py"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        "/dev/null",
        "--log-level",
        "warning",
        "--backlog",
        "256",
    ]
    if threads is not None:
        command += ["--threads", str(threads)]
    return [*command, "backend.config.wsgi:application"]


@contextmanager
def production_server(database_url: str, workers: int = 2) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        gunicorn_command(port, workers=workers), cwd=ROOT, env=production_env(database_url)
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base_url + "/healthz", timeout=1).read()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.2)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=15)
