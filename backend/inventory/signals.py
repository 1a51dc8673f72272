"""``stock_levels_changed``: sent after a commit that moved stock without a model save.

Allocations and their release are conditional UPDATEs (no ``post_save``), so readers that
cache stock levels (the API's anonymous response cache) listen here instead.
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal

stock_levels_changed = Signal()


def announce_stock_change() -> None:
    """Send ``stock_levels_changed`` once the current transaction commits."""
    transaction.on_commit(lambda: stock_levels_changed.send(sender=None), robust=True)
