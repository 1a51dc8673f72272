"""Monthly producer statements as CSV and XLSX (amounts in whole đồng)."""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from openpyxl import Workbook

from backend.payments.models import LedgerEntryKind
from backend.payments.selectors import Statement

HEADER = ["Ngày", "Loại", "Đơn hàng", "Tỷ lệ (%)", "Số tiền (đồng)", "Số dư (đồng)", "Tham chiếu"]


def statement_rows(statement: Statement) -> list[list[object]]:
    balance = statement.opening_balance
    rows: list[list[object]] = [
        [statement.month.isoformat(), "Số dư đầu kỳ", "", "", "", balance, ""]
    ]
    for entry in statement.entries:
        balance += entry.amount
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
