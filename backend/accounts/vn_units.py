"""Vietnam's two-tier administrative units (since 1 July 2025): 34 provinces, 3,321 wards.

Pure Python, no Django: reads ``data/vn_units.json`` once (see ``data/README.md`` for its
source and how to regenerate it). Codes are the official zero-padded strings ("38" for
Thanh Hóa, "15724" for a ward); lookups also accept ints and unpadded digit strings.

Name matching is tiered so that the most precise reading wins: exact text with diacritics
first, then without diacritics, each time trying the full name ("Xã Đồng Tiến"), the short
name ("Đồng Tiến") and the text with a leading unit-type prefix removed. A tier that matches
more than one unit raises :class:`UnitNotFound` (ambiguous) instead of picking one.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

DATA_PATH = Path(__file__).parent / "data" / "vn_units.json"

__all__ = [
    "DATA_VERSION",
    "LegacyProvince",
    "Province",
    "UnitNotFound",
    "Ward",
    "find_province",
    "find_ward",
    "fold",
    "legacy_provinces",
    "province_by_code",
    "provinces",
    "ward_belongs_to",
    "ward_by_code",
    "wards_of",
]

DATA_VERSION: str  # resolved lazily by __getattr__ so importing stays cheap


@dataclass(frozen=True)
class Province:
    """A current province or centrally-run city; ``type`` is "tinh" or "thanh_pho"."""

    code: str
    name: str
    full_name: str
    type: str


@dataclass(frozen=True)
class Ward:
    """A current commune-level unit; ``type`` is "xa", "phuong" or "dac_khu"."""

    code: str
    name: str
    full_name: str
    type: str
    province_code: str


@dataclass(frozen=True)
class LegacyProvince:
    """A pre-2025 province and the current province that took (most of) it."""

    code: str
    name: str
    full_name: str
    province_code: str
    partly_to: tuple[str, ...] = ()


class UnitNotFound(LookupError):  # noqa: N818 - public name fixed by the callers' contract
    """No single unit matches. ``legacy`` is True when the text named a pre-2025 unit."""

    def __init__(self, message: str, *, legacy: bool = False) -> None:
        super().__init__(message)
        self.legacy = legacy


# Leading unit-type words, longest first, each with the unit type it implies (None: any).
_PREFIX_TYPES = {
    "thanh pho": "thanh_pho",
    "dac khu": "dac_khu",
    "thi tran": None,  # pre-2025 town; now usually a xã of the same name
    "phuong": "phuong",
    "tinh": "tinh",
    "xa": "xa",
    "tp": "thanh_pho",
    "tt": None,
    "p": "phuong",
    "x": "xa",
}
_PREFIX_TYPES_MARKED = {
    "thành phố": "thanh_pho",
    "đặc khu": "dac_khu",
    "thị trấn": None,
    "phường": "phuong",
    "tỉnh": "tinh",
    "xã": "xa",
    "tp": "thanh_pho",
    "tt": None,
    "p": "phuong",
    "x": "xa",
}
# Common informal names that are neither current nor pre-2025 official names.
_PROVINCE_ALIASES = {
    "hcm": "79",
    "tphcm": "79",
    "ho chi minh city": "79",
    "sai gon": "79",
    "saigon": "79",
    "thua thien hue": "46",
}

_U = TypeVar("_U", Province, Ward)


def _strip_marks(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=32768)
def _norm(text: str, *, keep_marks: bool) -> str:
    """Lower-case, NFC, apostrophes dropped, other punctuation as spaces, spaces collapsed."""
    text = unicodedata.normalize("NFC", str(text)).lower()
    if not keep_marks:
        text = _strip_marks(text)
    text = re.sub(r"['’‘`]", "", text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def _split_prefix(normed: str, prefixes: dict[str, str | None]) -> tuple[str, str | None]:
    """Return (text without one leading type word, the unit type that word implies)."""
    for prefix, unit_type in prefixes.items():
        if normed.startswith(prefix + " ") and len(normed) > len(prefix) + 1:
            return normed[len(prefix) + 1 :], unit_type
    return normed, None


def fold(text: str) -> str:
    """Matching key: lower-case, no diacritics (đ -> d), one leading unit-type prefix dropped.

    Lossy by design ("Phương Liệt" folds to "liet"), so lookups here also try unfolded forms.
    """
    return _split_prefix(_norm(text, keep_marks=False), _PREFIX_TYPES)[0]


@functools.cache
def _data() -> dict[str, Any]:
    with DATA_PATH.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def __getattr__(name: str) -> str:
    if name == "DATA_VERSION":
        return str(_data()["source"]["data_version"])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _provinces() -> dict[str, Province]:
    fields = ("code", "name", "full_name", "type")
    return {p["code"]: Province(**{f: p[f] for f in fields}) for p in _data()["provinces"]}


@functools.cache
def _wards() -> dict[str, Ward]:
    return {w["code"]: Ward(**w) for w in _data()["wards"]}


@functools.cache
def _wards_by_province() -> dict[str, tuple[Ward, ...]]:
    grouped: dict[str, list[Ward]] = {code: [] for code in _provinces()}
    for ward in _wards().values():
        grouped[ward.province_code].append(ward)
    return {code: tuple(wards) for code, wards in grouped.items()}


@functools.cache
def _legacy() -> dict[str, LegacyProvince]:
    return {
        code: LegacyProvince(
            code=code,
            name=row["name"],
            full_name=row["full_name"],
            province_code=row["province_code"],
            partly_to=tuple(row.get("partly_to", ())),
        )
        for code, row in _data()["legacy_provinces"].items()
    }


def _code(value: str | int, width: int) -> str | None:
    text = str(value).strip()
    return text.zfill(width) if text.isdigit() and len(text) <= width else None


def _match(units: Iterable[_U], query: str, *, check_type: bool) -> list[_U]:
    """Units matched by the first tier that matches anything (see module docstring).

    With ``check_type``, a dropped prefix must agree with the unit type: "Phường Ba Đình"
    does not match "Xã Ba Đình".
    """
    units = tuple(units)
    for keep_marks in (True, False):
        q = _norm(query, keep_marks=keep_marks)
        stripped, implied = _split_prefix(q, _PREFIX_TYPES_MARKED if keep_marks else _PREFIX_TYPES)
        tiers = (("full_name", q, None), ("name", q, None), ("name", stripped, implied))
        for attr, key, unit_type in tiers:
            hits = [
                u
                for u in units
                if _norm(getattr(u, attr), keep_marks=keep_marks) == key
                and not (check_type and unit_type and u.type != unit_type)
            ]
            if hits:
                return hits
    return []


def _suggest(query: str, names: Iterable[str]) -> str:
    by_key = {_norm(n, keep_marks=False): n for n in names}
    close: list[str] = []
    for key in (_norm(query, keep_marks=False), fold(query)):
        close += [
            c for c in difflib.get_close_matches(key, by_key, n=3, cutoff=0.6) if c not in close
        ]
    return f" Did you mean: {', '.join(by_key[c] for c in close[:3])}?" if close else ""


# --- provinces ---------------------------------------------------------------------------


def provinces() -> list[Province]:
    """All 34 current provinces, ordered by code."""
    return list(_provinces().values())


def province_by_code(code: str | int) -> Province | None:
    """The current province with this code, or None (legacy codes are not translated here)."""
    normalized = _code(code, 2)
    return _provinces().get(normalized) if normalized else None


def legacy_provinces() -> list[LegacyProvince]:
    """The 63 pre-2025 provinces, each mapped to the current province that absorbed it."""
    return list(_legacy().values())


def find_province(text_or_code: str | int, *, allow_legacy: bool = True) -> Province:
    """Resolve a code, a current name (any case, with or without diacritics or "Tỉnh"/
    "Thành phố" prefix) or, when ``allow_legacy``, a pre-2025 name or code to a current province.

    Raises UnitNotFound (``legacy=True`` if the text is a pre-2025 province and legacy
    lookups are disabled).
    """
    query = str(text_or_code).strip()
    code = _code(query, 2)
    if code is not None:
        if code in _provinces():
            return _provinces()[code]
        if code in _legacy():
            return _from_legacy(_legacy()[code], allow_legacy)
        raise UnitNotFound(f"No province has code {query!r}; codes are 2 digits, e.g. '38'.")
    hits = _match(_provinces().values(), query, check_type=False)
    if len(hits) == 1:
        return hits[0]
    alias = _PROVINCE_ALIASES.get(_norm(query, keep_marks=False)) or _PROVINCE_ALIASES.get(
        fold(query)
    )
    if alias:
        return _provinces()[alias]
    legacy_hits = {
        lp.code: lp
        for lp in _legacy().values()
        if fold(query) in (fold(lp.full_name), _norm(lp.name, keep_marks=False))
    }
    if len(legacy_hits) == 1:
        return _from_legacy(next(iter(legacy_hits.values())), allow_legacy)
    names = [p.name for p in provinces()] + [lp.name for lp in legacy_provinces()]
    raise UnitNotFound(f"No province matches {query!r}.{_suggest(query, names)}")


def _from_legacy(lp: LegacyProvince, allow_legacy: bool) -> Province:
    current = _provinces()[lp.province_code]
    if allow_legacy:
        return current
    raise UnitNotFound(
        f"{lp.full_name} ({lp.code}) is a pre-2025 province; since 1 July 2025 it is part of "
        f"{current.full_name} ({current.code}).",
        legacy=True,
    )


# --- wards -------------------------------------------------------------------------------


def wards_of(province_code: str | int) -> list[Ward]:
    """The wards of a current province, ordered by code; empty for an unknown code."""
    code = _code(province_code, 2)
    return list(_wards_by_province().get(code or "", ()))


def ward_by_code(code: str | int) -> Ward | None:
    normalized = _code(code, 5)
    return _wards().get(normalized) if normalized else None


def ward_belongs_to(ward_code: str | int, province_code: str | int) -> bool:
    ward = ward_by_code(ward_code)
    return ward is not None and ward.province_code == _code(province_code, 2)


def find_ward(province_code: str | int, text_or_code: str | int) -> Ward:
    """Resolve a ward code or name (with or without diacritics or "Xã"/"Phường"/"Đặc khu"
    prefix) inside one current province. Never guesses: a ward of another province, an
    unknown name and a name shared by several wards of the province all raise UnitNotFound.
    """
    province = province_by_code(province_code)
    if province is None:
        raise UnitNotFound(f"No current province has code {province_code!r}.")
    query = str(text_or_code).strip()
    code = _code(query, 5)
    if code is not None:
        ward = _wards().get(code)
        if ward is None:
            raise UnitNotFound(f"No ward has code {query!r}; ward codes are 5 digits.")
        if ward.province_code != province.code:
            owner = _provinces()[ward.province_code]
            raise UnitNotFound(
                f"{ward.full_name} ({ward.code}) belongs to {owner.full_name} ({owner.code}), "
                f"not to {province.full_name} ({province.code})."
            )
        return ward
    own = _wards_by_province()[province.code]
    hits = _match(own, query, check_type=True)
    if len(hits) == 1:
        return hits[0]
    if hits:
        listed = ", ".join(f"{w.full_name} ({w.code})" for w in hits)
        raise UnitNotFound(
            f"{query!r} is ambiguous in {province.full_name}: {listed}. Use the ward code."
        )
    other_type = _match(own, query, check_type=False)
    if other_type:
        listed = ", ".join(f"{w.full_name} ({w.code})" for w in other_type)
        raise UnitNotFound(
            f"No ward {query!r} of that type in {province.full_name}; did you mean {listed}?"
        )
    elsewhere = _match(_wards().values(), query, check_type=True)
    if elsewhere:
        listed = ", ".join(
            f"{w.full_name} ({w.code}, {_provinces()[w.province_code].name})" for w in elsewhere[:5]
        )
        raise UnitNotFound(
            f"No ward {query!r} in {province.full_name}; it does not belong to this province "
            f"(found in: {listed})."
        )
    suggestion = _suggest(query, (w.name for w in own))
    raise UnitNotFound(f"No ward matches {query!r} in {province.full_name}.{suggestion}")
