"""Catalogue background jobs."""

from __future__ import annotations

from celery import shared_task

from backend.catalog.models import Product
from backend.catalog.services import product_search_index_update


@shared_task(name="catalog.update_products_search_vector", acks_late=True, max_retries=3)
def update_products_search_vector_task(product_ids: list[int] | None = None) -> int:
    """Refresh the search index of the given products, or of every product marked dirty."""
    if product_ids is None:
        product_ids = list(
            Product.objects.filter(search_index_dirty=True).values_list("pk", flat=True)
        )
    return product_search_index_update(product_ids=product_ids)
