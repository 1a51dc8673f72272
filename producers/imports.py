"""Reading and checking a bulk product file (CSV or XLSX) before anything is written.

Every problem is reported with its row (as the spreadsheet numbers it: the header is row 1)
and column, in Vietnamese; the import only starts when there is none.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from backend.catalog.models import ProductVariant
from backend.catalog.models.products import validate_gtin
from backend.inventory.models import Warehouse
from producers.models import Producer

MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_ROWS = 1000
COLUMNS = ("ten_san_pham", "mo_ta", "sku", "ten_bien_the", "gia", "ton_kho", "ma_kho", "gtin")
REQUIRED = ("ten_san_pham", "sku", "gia")
EXAMPLE = ("Nem chua Thanh Hóa", "Nem chua truyền thống", "NEM-10", "Chục 10 cái", "45000", "20")


@dataclass
class VariantRow:
    row: int
    sku: str
    name: str
    price: int
    quantity: int
    warehouse_id: int | None
    gtin: str


@dataclass
class ProductRows:
    name: str
    description: str
    variants: list[VariantRow] = field(default_factory=list)


def gettext_required() -> str:
    return _("Hãy chọn tệp CSV hoặc Excel.")


def too_large() -> str:
    return _("Tệp quá lớn (tối đa 2 MB).")


class ImportFileError(Exception):
    """The file as a whole cannot be read (type, size, header)."""


def error(row: int, column: str, message: str) -> dict[str, Any]:
    return {"row": row, "column": column, "message": message}


def template_xlsx() -> bytes:
    """The downloadable template: the header row and one example row."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "san_pham"
    sheet.append(list(COLUMNS))
    sheet.append([*EXAMPLE, "", ""])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _xlsx_rows(content: bytes) -> Iterator[tuple[int, list[Any], list[str]]]:
    """(row number, values, columns holding a formula) per row of the first sheet."""
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportFileError(_("Không đọc được tệp Excel.")) from exc
    sheet = workbook.worksheets[0]
    for number, cells in enumerate(sheet.iter_rows(), start=1):
        values, formulas = [], []
        for index, cell in enumerate(cells):
            value = cell.value
            if getattr(cell, "data_type", None) == "f" or (
                isinstance(value, str) and value.startswith("=")
            ):
                formulas.append(str(index))
            values.append(value)
        yield number, values, formulas
    workbook.close()


def _csv_rows(content: bytes) -> Iterator[tuple[int, list[Any], list[str]]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(_("Tệp CSV phải dùng bảng mã UTF-8.")) from exc
    for number, values in enumerate(csv.reader(io.StringIO(text)), start=1):
        formulas = [str(i) for i, v in enumerate(values) if v.startswith("=")]
        yield number, list(values), formulas


def read_rows(file_name: str, content: bytes) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows as ``{"_row": n, column: text}`` plus row/column errors (formulas, broken rows)."""
    if len(content) > MAX_IMPORT_BYTES:
        raise ImportFileError(too_large())
    is_xlsx = content[:2] == b"PK"
    if file_name.lower().endswith(".xlsx") != is_xlsx:
        raise ImportFileError(_("Chỉ nhận tệp CSV (UTF-8) hoặc Excel (.xlsx)."))
    source = _xlsx_rows(content) if is_xlsx else _csv_rows(content)
    header: list[str] | None = None
    rows: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for number, values, formulas in source:
        if header is None:
            header = [str(v or "").strip().lower() for v in values]
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                raise ImportFileError(
                    _("Thiếu cột bắt buộc: %(columns)s.") % {"columns": ", ".join(missing)}
                )
            continue
        if all(v in (None, "") for v in values):
            continue
        if len(rows) >= MAX_IMPORT_ROWS:
            raise ImportFileError(_("Tệp có quá nhiều dòng (tối đa 1000 sản phẩm)."))
        extra = [v for v in values[len(header) :] if v not in (None, "")]
        if extra:
            errors.append(error(number, "", _("Dòng có nhiều ô hơn số cột tiêu đề.")))
        for index in formulas:
            column = header[int(index)] if int(index) < len(header) else ""
            errors.append(error(number, column, _("Ô chứa công thức: chỉ nhận giá trị.")))
        padded = [*values, *([None] * (len(header) - len(values)))]
        row: dict[str, Any] = {
            name: ("" if v is None else str(v).strip())
            for name, v in zip(header, padded, strict=False)
        }
        row["_row"] = number
        rows.append(row)
    if header is None:
        raise ImportFileError(_("Tệp trống."))
    return rows, errors


def _whole_number(text: str) -> int | None:
    """Digits, Vietnamese thousands separators (45.000) or Excel's float form (45000.0)."""
    text = text.replace(" ", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", text):
        return int(text.replace(".", "").replace(",", ""))
    if re.fullmatch(r"\d+\.0+", text):
        return int(text.split(".")[0])
    return None


def validate(
    producer: Producer, rows: list[dict[str, Any]]
) -> tuple[list[ProductRows], list[dict[str, Any]]]:
    """Every row checked against the producer's warehouses and existing SKUs."""
    errors: list[dict[str, Any]] = []
    warehouses = dict(Warehouse.objects.filter(producer=producer).values_list("slug", "pk"))
    skus = [row.get("sku", "") for row in rows]
    taken = set(ProductVariant.objects.filter(sku__in=skus).values_list("sku", flat=True))
    seen: set[str] = set()
    products: dict[str, ProductRows] = {}
    for row in rows:
        number = row["_row"]
        row_errors: list[dict[str, Any]] = []
        for column in REQUIRED:
            if not row.get(column):
                row_errors.append(error(number, column, _("Ô này không được để trống.")))
        sku = row.get("sku", "")
        if sku and (sku in taken or sku in seen):
            row_errors.append(error(number, "sku", _("Mã SKU đã tồn tại.")))
        seen.add(sku)
        price = _whole_number(row.get("gia", ""))
        if row.get("gia") and (price is None or price <= 0):
            row_errors.append(error(number, "gia", _("Giá phải là số nguyên đồng lớn hơn 0.")))
        quantity = _whole_number(row.get("ton_kho", "") or "0")
        if quantity is None:
            row_errors.append(error(number, "ton_kho", _("Tồn kho phải là số nguyên không âm.")))
        slug = row.get("ma_kho", "")
        warehouse_id = warehouses.get(slug) if slug else next(iter(warehouses.values()), None)
        if slug and warehouse_id is None:
            row_errors.append(error(number, "ma_kho", _("Không tìm thấy kho hàng này.")))
        elif quantity and warehouse_id is None:
            row_errors.append(error(number, "ton_kho", _("Chủ thể chưa có kho hàng nào.")))
        if row.get("gtin"):
            try:
                validate_gtin(row["gtin"])
            except ValidationError:
                row_errors.append(error(number, "gtin", _("Mã GTIN không hợp lệ.")))
        if len(row.get("ten_san_pham", "")) > 250:
            row_errors.append(error(number, "ten_san_pham", _("Tên quá dài (tối đa 250 ký tự).")))
        errors.extend(row_errors)
        if row_errors:
            continue
        product = products.setdefault(
            row["ten_san_pham"], ProductRows(row["ten_san_pham"], row.get("mo_ta", ""))
        )
        product.variants.append(
            VariantRow(
                row=number,
                sku=sku,
                name=row.get("ten_bien_the", ""),
                price=price or 0,
                quantity=quantity or 0,
                warehouse_id=warehouse_id,
                gtin=row.get("gtin", ""),
            )
        )
    return list(products.values()), errors
