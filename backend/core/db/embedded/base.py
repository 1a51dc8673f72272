"""Django database backend: PostgreSQL, started from the embedded wheel on first use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db.backends.postgresql import base

from backend.core.db.embedded.server import ensure_database, ensure_server

EMBEDDED_USER = "postgres"


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self) -> dict[str, Any]:
        host, port = ensure_server(Path(self.settings_dict["EMBEDDED_DATA_DIR"]))
        self.settings_dict["HOST"] = host
        self.settings_dict["PORT"] = port
        self.settings_dict["USER"] = EMBEDDED_USER
        params = super().get_connection_params()
        dbname = params.get("dbname")
        if dbname and dbname != "postgres":
            ensure_database(host=host, port=port, user=EMBEDDED_USER, name=dbname)
        return params
