from typing import Any

from django.core.management.base import BaseCommand

from backend.catalog.models import Product
from backend.catalog.services import product_search_index_update


class Command(BaseCommand):
    help = "Rebuild the stored product search vectors (all products, or --dirty only)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dirty", action="store_true", help="Only products marked dirty.")

    def handle(self, *args: Any, **options: Any) -> None:
        ids = None
        if options["dirty"]:
            ids = list(Product.objects.filter(search_index_dirty=True).values_list("pk", flat=True))
        count = product_search_index_update(product_ids=ids)
        self.stdout.write(f"Updated the search index of {count} products.")
