"""OCOP scores, star bands and the versioned criteria sets they are scored against.

Pure Python on purpose: the council's arithmetic and the criteria data are checked here
without a database, and models or services call in. Scores are Decimal throughout because
council averages are fractional and a float such as 89.99999 must never round into a band.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from os import PathLike
from pathlib import Path
from typing import Any

MIN_SCORE = Decimal(0)
MAX_SCORE = Decimal(100)
MIN_CERTIFIED_STARS = 3
PRODUCT_SET_NUMBERS = range(1, 27)

# Half-open bands (Decision 148): a score belongs to the first band whose floor it reaches.
STAR_BANDS: tuple[tuple[Decimal, int], ...] = (
    (Decimal(90), 5),
    (Decimal(70), 4),
    (Decimal(50), 3),
    (Decimal(30), 2),
    (Decimal(0), 1),
)

DATA_DIR = Path(__file__).resolve().parent / "data"
QD148_2023_PATH = DATA_DIR / "criteria_148_2023.json"
PRODUCT_SETS_PATH = DATA_DIR / "product_sets.json"


def stars_for_score(score: Decimal) -> int:
    """Return the star rank (1..5) for a total score of 0..100.

    Bands are half-open: >= 90 five, >= 70 four, >= 50 three, >= 30 two, else one, so
    89.99 is four stars. ``score`` must be a Decimal or int: a float raises TypeError
    because its binary value is not the score the council wrote down. A NaN or a value
    outside 0..100 raises ValueError.
    """
    if isinstance(score, bool) or not isinstance(score, Decimal | int):
        raise TypeError(f"Score must be a Decimal or int, not {type(score).__name__}.")
    value = Decimal(score)
    if value.is_nan() or not MIN_SCORE <= value <= MAX_SCORE:
        raise ValueError(f"Score must be between {MIN_SCORE} and {MAX_SCORE}, not {score}.")
    for floor, stars in STAR_BANDS:
        if value >= floor:
            return stars
    raise AssertionError("unreachable: the last band starts at the minimum score")


def is_certifiable(stars: int) -> bool:
    """Return whether a product with this star rank is certified (3 stars and above).

    ``stars`` must be an int in 1..5, else ValueError.
    """
    if isinstance(stars, bool) or not isinstance(stars, int) or not 1 <= stars <= 5:
        raise ValueError(f"Stars must be an int from 1 to 5, not {stars!r}.")
    return stars >= MIN_CERTIFIED_STARS


@dataclass(frozen=True, slots=True)
class Criterion:
    """One scored criterion. ``product_sets`` is None when it applies to every set."""

    code: str
    name_vi: str
    name_en: str
    max_points: int
    product_sets: frozenset[int] | None = None

    def applies_to(self, product_set: int) -> bool:
        return self.product_sets is None or product_set in self.product_sets


@dataclass(frozen=True, slots=True)
class CriteriaPart:
    """A part (A, B, C) of a criteria set with the criteria scored under it."""

    code: str
    name_vi: str
    name_en: str
    max_points: int
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True, slots=True)
class CriteriaSetData:
    """A validated criteria set, keyed by the legal document that defines it."""

    code: str
    legal_basis: str
    effective_from: datetime.date
    effective_until: datetime.date | None
    notes: str
    max_points: int
    parts: tuple[CriteriaPart, ...]

    def part(self, code: str) -> CriteriaPart:
        """Return the part with this code; KeyError if there is none."""
        for part in self.parts:
            if part.code == code:
                return part
        raise KeyError(code)


def load_criteria_set(path: str | PathLike[str]) -> CriteriaSetData:
    """Read and validate a criteria set JSON file.

    Guarantees of a returned set: part codes and criterion codes are unique, every
    criterion code starts with its part code, every maximum is a positive int, product-set
    lists hold unique numbers 1..26, and for every product set the criteria that apply to
    it add up exactly to their part's maximum, and the parts add up to 100. Raises
    ValueError naming the bad part or criterion otherwise.
    """
    raw = json.loads(Path(path).read_text(encoding="utf-8"), parse_float=Decimal)
    return parse_criteria_set(raw)


def parse_criteria_set(raw: Any) -> CriteriaSetData:
    """Validate an already-decoded criteria set; same guarantees as ``load_criteria_set``."""
    data = _mapping(raw, "Criteria set")
    code = _text(data, "code", "Criteria set")
    where = f"Criteria set {code}"
    effective_from = _date(data, "effective_from", where)
    effective_until = None
    if data.get("effective_until") is not None:
        effective_until = _date(data, "effective_until", where)
        if effective_until < effective_from:
            raise ValueError(f"{where}: effective_until is before effective_from.")
    max_points = _points(data.get("max_points"), where)
    if max_points != MAX_SCORE:
        raise ValueError(f"{where}: max_points must be {MAX_SCORE}, not {max_points}.")

    raw_parts = data.get("parts")
    if not isinstance(raw_parts, list) or not raw_parts:
        raise ValueError(f"{where}: parts must be a non-empty list.")
    parts = tuple(_parse_part(raw_part, index) for index, raw_part in enumerate(raw_parts))

    part_codes = [part.code for part in parts]
    for part_code in part_codes:
        if part_codes.count(part_code) > 1:
            raise ValueError(f"{where}: part {part_code} appears more than once.")
    seen: set[str] = set()
    for part in parts:
        for criterion in part.criteria:
            if criterion.code in seen:
                raise ValueError(f"Criterion {criterion.code}: the code is used twice.")
            seen.add(criterion.code)
    total = sum(part.max_points for part in parts)
    if total != max_points:
        raise ValueError(f"{where}: parts add up to {total}, not {max_points}.")

    return CriteriaSetData(
        code=code,
        legal_basis=_text(data, "legal_basis", where),
        effective_from=effective_from,
        effective_until=effective_until,
        notes=_text(data, "notes", where),
        max_points=max_points,
        parts=parts,
    )


def _parse_part(raw: Any, index: int) -> CriteriaPart:
    data = _mapping(raw, f"Part #{index + 1}")
    code = _text(data, "code", f"Part #{index + 1}")
    where = f"Part {code}"
    max_points = _points(data.get("max_points"), where)
    raw_criteria = data.get("criteria")
    if not isinstance(raw_criteria, list) or not raw_criteria:
        raise ValueError(f"{where}: criteria must be a non-empty list.")
    criteria = tuple(_parse_criterion(item, code, i) for i, item in enumerate(raw_criteria))
    # A criterion limited to some product sets is an alternative to another one, so the
    # sum must hold for each set separately; without limits this is the plain sum.
    for product_set in PRODUCT_SET_NUMBERS:
        subtotal = sum(c.max_points for c in criteria if c.applies_to(product_set))
        if subtotal != max_points:
            scope = (
                ""
                if all(c.product_sets is None for c in criteria)
                else (f" for product set {product_set}")
            )
            raise ValueError(
                f"{where}: criteria add up to {subtotal}{scope}, "
                f"but the part maximum is {max_points}."
            )
    return CriteriaPart(
        code=code,
        name_vi=_text(data, "name_vi", where),
        name_en=_text(data, "name_en", where),
        max_points=max_points,
        criteria=criteria,
    )


def _parse_criterion(raw: Any, part_code: str, index: int) -> Criterion:
    data = _mapping(raw, f"Part {part_code}, criterion #{index + 1}")
    code = _text(data, "code", f"Part {part_code}, criterion #{index + 1}")
    where = f"Criterion {code}"
    if not code.startswith(part_code) or code == part_code:
        raise ValueError(f"{where}: the code must start with its part code {part_code}.")
    product_sets: frozenset[int] | None = None
    if "product_sets" in data:
        numbers = data["product_sets"]
        if not isinstance(numbers, list) or not numbers:
            raise ValueError(f"{where}: product_sets must be a non-empty list when present.")
        for number in numbers:
            if isinstance(number, bool) or not isinstance(number, int):
                raise ValueError(f"{where}: product set {number!r} is not an integer.")
            if number not in PRODUCT_SET_NUMBERS:
                raise ValueError(f"{where}: product set {number} is outside 1..26.")
        if len(set(numbers)) != len(numbers):
            raise ValueError(f"{where}: product_sets lists a set twice.")
        product_sets = frozenset(numbers)
    return Criterion(
        code=code,
        name_vi=_text(data, "name_vi", where),
        name_en=_text(data, "name_en", where),
        max_points=_points(data.get("max_points"), where),
        product_sets=product_sets,
    )


def _mapping(raw: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        raise ValueError(f"{where}: expected a JSON object.")
    return raw


def _text(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: {key} must be a non-empty string.")
    return value


def _date(data: Mapping[str, Any], key: str, where: str) -> datetime.date:
    value = _text(data, key, where)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"{where}: {key} {value!r} is not a YYYY-MM-DD date.") from error


def _points(value: Any, where: str) -> int:
    # Decimal from parse_float lands here too and is refused: maxima are whole points.
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"{where}: max_points must be a positive integer, not {value!r}.")
    return value
