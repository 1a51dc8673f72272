"""Calendar dates in Vietnam time: certificate validity is counted in Asia/Ho_Chi_Minh days."""

from __future__ import annotations

import calendar
import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def vietnam_today(at: datetime.datetime | None = None) -> datetime.date:
    """The calendar date in Vietnam at ``at`` (default: now); ``at`` must be aware."""
    return timezone.localdate(at or timezone.now(), VIETNAM)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus ``months``, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def validity_end(valid_from: datetime.date, months: int) -> datetime.date:
    """The last valid day (inclusive): the day before the ``months`` anniversary."""
    return add_months(valid_from, months) - datetime.timedelta(days=1)
