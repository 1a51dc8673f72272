"""Batch loaders for vouchers. Pool "voucher": the voucher pks a response shows."""

from __future__ import annotations

from typing import Any

from backend.discounts.selectors import voucher_channels
from backend.graphql.core.dataloaders import DataLoader


class ChannelRowsByVoucherIdLoader(DataLoader[int, list[Any]]):
    """Each voucher's channel rows (with the channel), one query for the whole pool."""

    pool = "voucher"

    def batch_load(self, keys: list[int]) -> dict[int, list[Any]]:
        return voucher_channels(keys)

    def missing(self) -> list[Any]:
        return []
