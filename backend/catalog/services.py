"""Catalogue writes: product media and thumbnails, and the search index."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from backend.catalog.images import THUMBNAIL_SIZES, clean_image, render_thumbnail
from backend.catalog.models import Category, Collection, Product, ProductMedia, Thumbnail
from backend.catalog.search import update_product_search_index
from backend.channels.selectors import is_staff
from backend.core.errors import DomainError, PermissionDenied


def product_search_index_update(*, product_ids: Iterable[int] | None = None) -> int:
    """Recompute stored search vectors (every product when ``product_ids`` is None)."""
    return update_product_search_index(product_ids)


def product_media_create(
    *, actor: Any, product: Product, upload: IO[bytes], alt: str = "", name: str = "image"
) -> ProductMedia:
    """Add an image to ``product`` after validating it (ValidationError on ``image``)."""
    if actor is not None and not is_staff(actor):
        raise PermissionDenied()
    cleaned = clean_image(upload, name=name)
    last = product.media.order_by("-sort_order").values_list("sort_order", flat=True).first()
    media = ProductMedia(product=product, alt=alt, sort_order=(last or 0) + 1)
    media.image.save(cleaned.content.name or "image", cleaned.content, save=False)
    media.save()
    return media


ThumbnailOwner = ProductMedia | Category | Collection


def _source_of(owner: ThumbnailOwner) -> Any:
    return owner.image if isinstance(owner, ProductMedia) else owner.background_image


def thumbnail_get_or_create(*, owner: ThumbnailOwner, size: int, fmt: str) -> Thumbnail:
    """The stored thumbnail of ``owner`` at ``size``/``fmt``, generated on first request.

    ``size`` must be one of Saleor's sizes. Two concurrent first requests both render; the
    unique constraint keeps one row and the loser returns the winner's.
    """
    if size not in THUMBNAIL_SIZES:
        raise DomainError("INVALID", "Unsupported thumbnail size.", field="size")
    field = {ProductMedia: "product_media", Category: "category", Collection: "collection"}[
        type(owner)
    ]
    lookup = {field: owner, "size": size, "format": fmt}
    existing = Thumbnail.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    source = _source_of(owner)
    if not source:
        raise DomainError("NOT_FOUND", "There is no image to make a thumbnail of.")
    with source.open("rb") as handle:
        data, extension = render_thumbnail(handle, size=size, fmt=fmt)
    stem = source.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    thumbnail = Thumbnail(**lookup)
    thumbnail.image.save(f"{stem}_thumbnail_{size}.{extension}", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            thumbnail.save()
    except IntegrityError:
        default_storage.delete(str(thumbnail.image.name))
        return Thumbnail.objects.get(**lookup)
    return thumbnail
