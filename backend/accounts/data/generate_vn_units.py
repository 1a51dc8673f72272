"""Generate ``vn_units.json``: Vietnam's administrative units since 1 July 2025.

The data come from the ``vietnam-provinces`` package (sunshine-tech/VietnamProvinces), which
repackages the official codes of the National Statistics Office (danhmuchanhchinh.nso.gov.vn).
That package is GPL-3.0-or-later and 2026.x needs Python >= 3.12, so it is used ONLY by this
offline script and is never imported by the project at run time (``backend.accounts.vn_units``
reads the generated JSON). This script is not imported by anything either.

Regenerate by hand, from the repository root, with a throwaway venv outside the repo::

    /root/.pyenv/versions/3.12.1/bin/python -m venv /tmp/vnunits-venv
    /tmp/vnunits-venv/bin/pip install vietnam-provinces==2026.9.0
    /tmp/vnunits-venv/bin/python backend/accounts/data/generate_vn_units.py

``--check`` exits with status 1 instead of writing when the file would change. Output is
deterministic: ``generated_at`` is kept from the existing file unless the data changed (or
``--generated-at`` is given), so regenerating from the same package version gives the same bytes.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import vietnam_provinces as vp
from vietnam_provinces import Province, VietNamDivisionType, Ward
from vietnam_provinces import _ward_conversion_2025 as ward_conversion
from vietnam_provinces.legacy import Province as LegacyProvince

OUTPUT = Path(__file__).with_name("vn_units.json")
PACKAGE = "vietnam-provinces"
UPSTREAM = "https://danhmuchanhchinh.nso.gov.vn/"

PROVINCE_TYPES = {
    VietNamDivisionType.TINH: ("tinh", "Tỉnh"),
    VietNamDivisionType.THANH_PHO_TRUNG_UONG: ("thanh_pho", "Thành phố"),
}
WARD_TYPES = {
    VietNamDivisionType.XA: ("xa", "Xã"),
    VietNamDivisionType.PHUONG: ("phuong", "Phường"),
    VietNamDivisionType.DAC_KHU: ("dac_khu", "Đặc khu"),
}
EXPECTED_PROVINCES = 34
EXPECTED_WARDS = 3321
EXPECTED_LEGACY_PROVINCES = 63


def province_code(value: int) -> str:
    return f"{value:02d}"


def ward_code(value: int) -> str:
    return f"{value:05d}"


def split_name(full_name: str, prefix: str) -> tuple[str, str]:
    """Return (short name, canonical full name); upstream sometimes lower-cases the prefix."""
    if not full_name.lower().startswith(prefix.lower() + " "):
        raise ValueError(f"{full_name!r} does not start with {prefix!r}")
    short = full_name[len(prefix) + 1 :].strip()
    return short, f"{prefix} {short}"


def build_provinces() -> list[dict[str, str]]:
    rows = []
    for p in Province.iter_all():
        type_key, prefix = PROVINCE_TYPES[p.division_type]
        name, full_name = split_name(p.name, prefix)
        rows.append(
            {
                "code": province_code(p.code.value),
                "name": name,
                "full_name": full_name,
                "type": type_key,
                "codename": p.codename,
            }
        )
    return sorted(rows, key=lambda r: r["code"])


def build_wards() -> list[dict[str, str]]:
    rows = []
    for w in Ward.iter_all():
        type_key, prefix = WARD_TYPES[w.division_type]
        name, full_name = split_name(w.name, prefix)
        rows.append(
            {
                "code": ward_code(w.code.value),
                "name": name,
                "full_name": full_name,
                "type": type_key,
                "province_code": province_code(w.province_code.value),
            }
        )
    return sorted(rows, key=lambda r: r["code"])


def build_legacy_provinces(current_codes: set[str]) -> dict[str, dict[str, Any]]:
    """Map each pre-2025 province to the current province that took most of its wards.

    One old province (Tiền Giang) had a single commune moved to a different new province
    than the rest; that minority destination is listed in ``partly_to``.
    """
    destinations: dict[int, collections.Counter[int]] = collections.defaultdict(collections.Counter)
    for entry in ward_conversion.OLD_TO_NEW.values():
        for new in entry.new_wards:
            destinations[entry.old_ward.province_code][new.province_code] += 1
    mapping: dict[str, dict[str, Any]] = {}
    for lp in LegacyProvince.iter_all():
        counts = destinations[lp.code.value]
        if not counts:
            raise ValueError(f"legacy province {lp.name} has no ward conversion rows")
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        primary = province_code(ranked[0][0])
        via_api = {
            province_code(x.province.code.value)
            for x in Province.search_from_legacy(code=lp.code.value)
        }
        if primary not in via_api or primary not in current_codes:
            raise ValueError(f"inconsistent legacy mapping for {lp.name}: {ranked} vs {via_api}")
        type_key, prefix = PROVINCE_TYPES[lp.division_type]
        name, full_name = split_name(lp.name, prefix)
        row: dict[str, Any] = {
            "name": name,
            "full_name": full_name,
            "type": type_key,
            "province_code": primary,
        }
        partly = sorted(province_code(code) for code, _ in ranked[1:])
        if partly:
            row["partly_to"] = partly
        mapping[province_code(lp.code.value)] = row
    return dict(sorted(mapping.items()))


def build(generated_at: str) -> dict[str, Any]:
    provinces = build_provinces()
    wards = build_wards()
    codes = {p["code"] for p in provinces}
    legacy = build_legacy_provinces(codes)
    assert len(provinces) == EXPECTED_PROVINCES, len(provinces)
    assert len(wards) == EXPECTED_WARDS, len(wards)
    assert len(legacy) == EXPECTED_LEGACY_PROVINCES, len(legacy)
    assert {w["province_code"] for w in wards} == codes
    return {
        "source": {
            "package": PACKAGE,
            "version": vp.__version__,
            "data_version": vp.__data_version__,
            "upstream": UPSTREAM,
        },
        "generated_at": generated_at,
        "effective_date": ward_conversion.EFFECTIVE_DATE,
        "provinces": provinces,
        "wards": wards,
        "legacy_provinces": legacy,
    }


def dumps(data: dict[str, Any]) -> str:
    """Compact JSON with one record per line, so diffs of the committed file stay readable."""

    def one(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    parts = []
    for key, value in data.items():
        if isinstance(value, list):
            body = ",\n".join(one(item) for item in value)
            parts.append(f"{one(key)}:[\n{body}\n]")
        elif key == "legacy_provinces":
            body = ",\n".join(f"{one(k)}:{one(v)}" for k, v in value.items())
            parts.append(f"{one(key)}:{{\n{body}\n}}")
        else:
            parts.append(f"{one(key)}:{one(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--generated-at", help="YYYY-MM-DD; default keeps the existing date")
    parser.add_argument("--check", action="store_true", help="exit 1 if the file would change")
    args = parser.parse_args(argv)

    existing = args.output.read_text(encoding="utf-8") if args.output.exists() else None
    generated_at = args.generated_at or dt.datetime.now(dt.UTC).date().isoformat()
    text = dumps(build(generated_at))
    if existing is not None and args.generated_at is None:
        old = json.loads(existing)
        same_data = dumps(build(old.get("generated_at", generated_at)))
        if json.loads(same_data) == old:
            text = same_data
    if args.check:
        if text != existing:
            print(f"{args.output} is out of date", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(text.encode())} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
