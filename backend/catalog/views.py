"""``/thumbnail/<global id>/<size>/[<format>/]``: Saleor's on-demand thumbnails."""

from __future__ import annotations

import binascii

from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotFound,
    HttpResponseRedirect,
)
from graphql_relay import from_global_id

from backend.catalog.images import THUMBNAIL_SIZES
from backend.catalog.models import Category, Collection, ProductMedia, ThumbnailFormat
from backend.catalog.services import ThumbnailOwner, thumbnail_get_or_create
from backend.core.errors import DomainError

OWNER_TYPES: dict[str, type[ThumbnailOwner]] = {
    "ProductMedia": ProductMedia,
    "Category": Category,
    "Collection": Collection,
}


def thumbnail(request: HttpRequest, instance_id: str, size: int, format: str = "") -> HttpResponse:
    fmt = (format or ThumbnailFormat.ORIGINAL).lower()
    if fmt not in ThumbnailFormat.values:
        available = ", ".join(choice.upper() for choice in ThumbnailFormat.values)
        return HttpResponseBadRequest(f"Invalid format value. Available formats: {available}.")
    if size not in THUMBNAIL_SIZES:
        sizes = ", ".join(str(choice) for choice in THUMBNAIL_SIZES)
        return HttpResponseBadRequest(f"Only following sizes are available: {sizes}.")
    try:
        type_name, pk = from_global_id(instance_id)
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        return HttpResponseBadRequest("Cannot decode instance ID.")
    model = OWNER_TYPES.get(type_name)
    if model is None or not pk.isdigit():
        return HttpResponseBadRequest("Invalid instance type.")
    owner = model.objects.filter(pk=int(pk)).first()
    if owner is None:
        return HttpResponseNotFound("Cannot find instance with the given id.")
    try:
        stored = thumbnail_get_or_create(owner=owner, size=size, fmt=fmt)
    except DomainError as exc:
        return HttpResponseNotFound(str(exc.message))
    return HttpResponseRedirect(request.build_absolute_uri(stored.image.url))
