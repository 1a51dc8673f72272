"""Write the GraphQL schema to the committed schema.graphql (CI checks it is current)."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from backend.graphql.api import schema


def printed_schema() -> str:
    return str(schema).rstrip() + "\n"


class Command(BaseCommand):
    help = "Export the GraphQL schema to schema.graphql."

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(settings.BASE_DIR) / "schema.graphql"
        path.write_text(printed_schema())
        self.stdout.write(f"Wrote {path}")
