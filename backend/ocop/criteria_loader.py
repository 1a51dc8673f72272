"""Install a validated criteria set (backend/ocop/scoring.py) into the database.

Called by data migrations with historical models, so a new legal decision ships as a new
JSON file in backend/ocop/data/ plus a migration that calls ``install_criteria_set``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from backend.ocop.scoring import load_criteria_set


def install_criteria_set(apps: Any, path: Path) -> None:
    """Create the set in ``path`` unless its code already exists (sets are never rewritten).

    Raises ValueError (from ``load_criteria_set``) when the file is not a valid set, so a bad
    data file stops the migration instead of landing half-loaded.
    """
    data = load_criteria_set(path)
    criteria_set_model = apps.get_model("ocop", "CriteriaSet")
    part_model = apps.get_model("ocop", "CriteriaPart")
    criterion_model = apps.get_model("ocop", "Criterion")
    if criteria_set_model.objects.filter(code=data.code).exists():
        return
    criteria_set = criteria_set_model.objects.create(
        code=data.code,
        legal_basis=data.legal_basis,
        effective_from=data.effective_from,
        effective_until=data.effective_until,
        notes=data.notes,
        max_points=data.max_points,
    )
    for part_order, part_data in enumerate(data.parts):
        part = part_model.objects.create(
            criteria_set=criteria_set,
            code=part_data.code,
            name_vi=part_data.name_vi,
            name_en=part_data.name_en,
            max_points=part_data.max_points,
            sort_order=part_order,
        )
        for order, item in enumerate(part_data.criteria):
            criterion_model.objects.create(
                criteria_set=criteria_set,
                part=part,
                code=item.code,
                name_vi=item.name_vi,
                name_en=item.name_en,
                max_points=item.max_points,
                product_sets=sorted(item.product_sets) if item.product_sets else None,
                sort_order=order,
            )


def remove_criteria_set(apps: Any, code: str) -> None:
    """Reverse of ``install_criteria_set`` for a set no application uses yet."""
    apps.get_model("ocop", "CriteriaSet").objects.filter(code=code).delete()
