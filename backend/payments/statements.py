"""Monthly producer statements as CSV and XLSX (amounts in whole đồng), and short-lived
download links for API clients, who have no session to download with."""

from __future__ import annotations

import csv
import io
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from backend.accounts.models import User
from backend.payments.models import LedgerEntryKind
from backend.payments.selectors import Statement
from producers.models import Producer

STATEMENT_FORMATS = ("csv", "xlsx")
STATEMENT_LINK_MAX_AGE = 15 * 60  # seconds: long enough to click, short enough to leak little
_LINK_SALT = "ocop.payments.statement-link"

HEADER = ["Ngày", "Loại", "Đơn hàng", "Tỷ lệ (%)", "Số tiền (đồng)", "Số dư (đồng)", "Tham chiếu"]


def statement_rows(statement: Statement) -> list[list[object]]:
    rows: list[list[object]] = [
        [statement.month.isoformat(), "Số dư đầu kỳ", "", "", "", statement.opening_balance, ""]
    ]
    for entry, balance in statement.lines:
        rows.append(
            [
                timezone.localtime(entry.created_at).date().isoformat(),
                str(LedgerEntryKind(entry.kind).label),
                entry.order.number if entry.order else "",
                str(entry.rate_percent) if entry.rate_percent is not None else "",
                entry.amount,
                balance,
                entry.reference,
            ]
        )
    rows.append(["", "Số dư cuối kỳ", "", "", "", statement.closing_balance, ""])
    return rows


def statement_csv(statement: Statement) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(statement_rows(statement))
    # A BOM so spreadsheet programs read the Vietnamese text as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def statement_xlsx(statement: Statement) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = statement.month.strftime("%Y-%m")
    sheet.append([statement.producer.legal_name])
    sheet.append(HEADER)
    for row in statement_rows(statement):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def statement_url(*, producer: Producer, year: int, month: int, fmt: str, user: Any) -> str:
    """An absolute link to one month's statement, signed for ``user`` (who must already be
    allowed to read it) and valid for ``STATEMENT_LINK_MAX_AGE`` seconds. The download
    checks the user's access again."""
    token = signing.TimestampSigner(salt=_LINK_SALT).sign_object(
        {"p": producer.pk, "y": year, "m": month, "u": user.pk}
    )
    path = reverse(
        "payments:producer-statement",
        kwargs={"producer_id": producer.pk, "year": year, "month": month, "fmt": fmt},
    )
    return f"{settings.PUBLIC_URL}{path}?{urlencode({'token': token})}"


def statement_link_user(token: str, *, producer_id: int, year: int, month: int) -> User | None:
    """The active user a valid, unexpired link to exactly this statement was signed for,
    else None."""
    try:
        data = signing.TimestampSigner(salt=_LINK_SALT).unsign_object(
            token, max_age=STATEMENT_LINK_MAX_AGE
        )
    except signing.BadSignature:  # includes SignatureExpired
        return None
    if not isinstance(data, dict) or [data.get(key) for key in "pym"] != [
        producer_id,
        year,
        month,
    ]:
        return None
    user_id = data.get("u")
    if not isinstance(user_id, int):
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()
