"""Which channel a request reads, with Saleor's rules and error messages."""

from __future__ import annotations

from typing import Any, cast

from django.utils.translation import gettext as _

from backend.accounts.roles import is_staff
from backend.channels.models import Channel
from backend.core.db.rows import model_columns, prepared_cursor
from backend.core.errors import DomainError, PermissionDenied


class ChannelNotFound(DomainError):  # noqa: N818
    def __init__(self, slug: str) -> None:
        super().__init__(
            "NOT_FOUND",
            _("Kênh '%(slug)s' không tồn tại.") % {"slug": slug},
            field="channel",
            params={"slug": slug},
        )


class NoDefaultChannel(DomainError):  # noqa: N818
    pass


def channel_get_by_slug(*, slug: str) -> Channel:
    """The channel with ``slug``; ChannelNotFound otherwise (inactive ones included)."""
    # Every checkoutCreate asks: hand-written, as the other checkout reads (core.db.rows).
    columns = model_columns(Channel)
    with prepared_cursor() as cursor:
        cursor.execute(
            f"SELECT {columns.select('c')} FROM channels_channel c WHERE c.slug = %s",  # noqa: S608
            [slug],
        )
        row = cursor.fetchone()
    if row is None:
        raise ChannelNotFound(slug)
    return cast(Channel, columns.build(row))


def channel_default() -> Channel:
    """Saleor's default channel: the only active channel there is."""
    channels = list(Channel.objects.filter(is_active=True)[:2])
    if not channels:
        raise NoDefaultChannel("NOT_FOUND", _("Không có kênh bán hàng mặc định."))
    if len(channels) > 1:
        raise NoDefaultChannel(
            "MISSING_CHANNEL_SLUG",
            _("Có nhiều kênh bán hàng. Hãy chỉ rõ kênh cần truy vấn."),
            field="channel",
        )
    return channels[0]


def channel_for_request(*, user: Any, slug: str | None) -> Channel | None:
    """The channel a catalogue read uses: the named one, else the default one for shoppers.

    Staff without a channel get None: they see every product, unpriced.
    """
    if slug is not None:
        return channel_get_by_slug(slug=slug)
    if is_staff(user):
        return None
    return channel_default()


def channel_list_for_user(*, user: Any) -> list[Channel]:
    """All channels; staff only, as in Saleor."""
    if not is_staff(user):
        raise PermissionDenied()
    return list(Channel.objects.order_by("slug"))
