"""Catalogue writes: products, product media and thumbnails, and the search index.

Product writes emit PRODUCT_CREATED/UPDATED/DELETED webhooks in their transaction."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import IO, Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext

from backend.catalog.images import THUMBNAIL_SIZES, clean_image, render_thumbnail
from backend.catalog.models import Category, Collection, Product, ProductMedia, Thumbnail
from backend.catalog.search import update_product_search_index
from backend.channels.selectors import is_staff
from backend.core.errors import DomainError, PermissionDenied
from backend.webhooks.event_types import WebhookEventType
from backend.webhooks.payloads import product_payload
from backend.webhooks.services import webhook_event_emit


def product_search_index_update(*, product_ids: Iterable[int] | None = None) -> int:
    """Recompute stored search vectors (every product when ``product_ids`` is None)."""
    return update_product_search_index(product_ids)


def product_save(*, actor: Any, product: Product) -> Product:
    """Validate and save ``product`` (staff only for now), then refresh its search index in
    the same transaction, so search never shows a stale name."""
    if not is_staff(actor):
        raise PermissionDenied()
    product.full_clean(exclude=["search_vector", "search_name"])
    created = product._state.adding
    with transaction.atomic():
        product.search_index_dirty = True
        product.save()
        update_product_search_index([product.pk])
        product.refresh_from_db(fields=["search_vector", "search_name", "search_index_dirty"])
        webhook_event_emit(
            event_type=WebhookEventType.PRODUCT_CREATED
            if created
            else WebhookEventType.PRODUCT_UPDATED,
            payload=partial(product_payload, product),
        )
    return product


def product_delete(*, actor: Any, product: Product) -> None:
    """Delete ``product`` (staff only); subscribers get its last state."""
    if not is_staff(actor):
        raise PermissionDenied()
    with transaction.atomic():
        # Built now: after the delete the row and its id are gone.
        payload = product_payload(product)
        try:
            product.delete()
        except ProtectedError:
            raise DomainError(
                "INVALID",
                gettext("Không thể xoá sản phẩm đã có đơn hàng hoặc giấy chứng nhận OCOP."),
            ) from None
        webhook_event_emit(event_type=WebhookEventType.PRODUCT_DELETED, payload=payload)


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
