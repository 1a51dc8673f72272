"""Helpers shared by the catalogue types: the channel a node was read in, image URLs."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import graphene
from django.urls import reverse
from graphql_relay import to_global_id

from backend.catalog.images import snap_thumbnail_size
from backend.catalog.models import Category, ProductMedia, ThumbnailFormat
from backend.channels.models import Channel
from backend.graphql.catalog.dataloaders import ThumbnailByMediaIdLoader
from backend.graphql.core.dataloaders import register

_CHANNEL = "_graphql_channel"
_BASE_URL = "_graphql_base_url"


def with_channel(instances: list[Any], channel: Channel | None) -> list[Any]:
    """Remember on each instance which channel it was read in (Saleor's ChannelContext)."""
    for instance in instances:
        setattr(instance, _CHANNEL, channel)
    return instances


def channel_of(instance: Any) -> Channel | None:
    return getattr(instance, _CHANNEL, None)


def channel_id_of(instance: Any) -> int | None:
    channel = channel_of(instance)
    return None if channel is None else channel.pk


def register_categories(context: Any, categories: Iterable[Category]) -> None:
    """Pool categories and their parents for the loaders (translations)."""
    register(context, "category", (pk for c in categories for pk in (c.pk, c.parent_id) if pk))


def absolute(info: graphene.ResolveInfo, url: str) -> str:
    """``url`` made absolute; the request's base is worked out once per request."""
    if "://" in url:
        return url
    base = getattr(info.context, _BASE_URL, None)
    if base is None:
        base = str(info.context.build_absolute_uri("/")).rstrip("/")
        setattr(info.context, _BASE_URL, base)
    return f"{base}{url}"


@lru_cache(maxsize=1)
def _thumbnail_path_template() -> str:
    # reverse() once with markers: a page of products needs dozens of these paths.
    return reverse("thumbnail", args=["ID", 1, "FMT"])


def thumbnail_path(global_id: str, size: int, fmt: str) -> str:
    """``/thumbnail/<id>/<size>/[<format>/]`` as urls.py routes it (no format: original)."""
    path = _thumbnail_path_template().replace("/ID/", f"/{global_id}/", 1)
    path = path.replace(
        "/1/FMT/", f"/{size}/{fmt}/" if fmt != ThumbnailFormat.ORIGINAL else f"/{size}/"
    )
    return path


def format_value(fmt: Any) -> str:
    return str(getattr(fmt, "value", fmt) or ThumbnailFormat.ORIGINAL).lower()


def media_url(info: graphene.ResolveInfo, media: ProductMedia, size: int | None, fmt: Any) -> str:
    """Saleor's rule: no size (or 0) is the original; otherwise the stored thumbnail when it
    exists, else the URL that generates it on first request."""
    if media.external_url and not media.image:
        return media.external_url
    if not size:
        return absolute(info, media.image.url)
    snapped = snap_thumbnail_size(size)
    fmt_value = format_value(fmt)
    stored = ThumbnailByMediaIdLoader.for_request(info.context, snapped, fmt_value).load(media.pk)
    if stored is not None:
        return absolute(info, stored.image.url)
    return absolute(
        info, thumbnail_path(to_global_id("ProductMedia", media.pk), snapped, fmt_value)
    )


def owner_image_url(
    info: graphene.ResolveInfo, type_name: str, owner: Any, size: int | None, fmt: Any
) -> str:
    """A category or collection background image: the thumbnail URL (generated on demand)."""
    if not size:
        return absolute(info, owner.background_image.url)
    snapped = snap_thumbnail_size(size)
    fmt_value = format_value(fmt)
    return absolute(info, thumbnail_path(to_global_id(type_name, owner.pk), snapped, fmt_value))
