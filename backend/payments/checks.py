"""System checks for the payment settings (stable ids ``payments.E00x``)."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.core.checks import Error, register


@register()
def check_vietqr_settings(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    names = ("VIETQR_BANK_BIN", "VIETQR_ACCOUNT_NUMBER", "VIETQR_ACCOUNT_NAME", "VIETQR_BANK_NAME")
    values = {name: getattr(settings, name, "") for name in names}
    if not any(values.values()):
        return []  # VietQR simply is not offered
    errors = [
        Error(
            f"{name} must be set with the other VIETQR_* settings.",
            hint="See README: Configuration (payments).",
            id="payments.E001",
            obj=name,
        )
        for name, value in values.items()
        if not value
    ]
    if values["VIETQR_BANK_BIN"] and not re.fullmatch(r"[0-9]{6}", values["VIETQR_BANK_BIN"]):
        errors.append(
            Error("VIETQR_BANK_BIN must be the bank's 6-digit NAPAS BIN.", id="payments.E002")
        )
    account = values["VIETQR_ACCOUNT_NUMBER"]
    if account and not re.fullmatch(r"[0-9A-Za-z]{1,19}", account):
        errors.append(
            Error("VIETQR_ACCOUNT_NUMBER must be 1-19 letters or digits.", id="payments.E003")
        )
    if not settings.DEBUG and not settings.BANK_WEBHOOK_SECRET:
        errors.append(
            Error(
                "BANK_WEBHOOK_SECRET must be set when VietQR is offered in production.",
                id="payments.E004",
                obj="BANK_WEBHOOK_SECRET",
            )
        )
    return errors
