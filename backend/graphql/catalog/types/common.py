"""Helpers shared by the catalogue types: the channel a node was read in, image URLs."""

from __future__ import annotations

from typing import Any

import graphene
from django.urls import reverse
from graphql_relay import to_global_id

from backend.catalog.images import snap_thumbnail_size
from backend.catalog.models import ProductMedia, ThumbnailFormat
from backend.channels.models import Channel
from backend.graphql.catalog.dataloaders import ThumbnailByMediaIdLoader

_CHANNEL = "_graphql_channel"


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


def absolute(info: graphene.ResolveInfo, url: str) -> str:
    return str(info.context.build_absolute_uri(url))


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
    global_id = to_global_id("ProductMedia", media.pk)
    args: list[Any] = [global_id, snapped]
    if fmt_value != ThumbnailFormat.ORIGINAL:
        args.append(fmt_value)
    return absolute(info, reverse("thumbnail", args=args))


def owner_image_url(
    info: graphene.ResolveInfo, type_name: str, owner: Any, size: int | None, fmt: Any
) -> str:
    """A category or collection background image: the thumbnail URL (generated on demand)."""
    if not size:
        return absolute(info, owner.background_image.url)
    snapped = snap_thumbnail_size(size)
    fmt_value = format_value(fmt)
    args: list[Any] = [to_global_id(type_name, owner.pk), snapped]
    if fmt_value != ThumbnailFormat.ORIGINAL:
        args.append(fmt_value)
    return absolute(info, reverse("thumbnail", args=args))
