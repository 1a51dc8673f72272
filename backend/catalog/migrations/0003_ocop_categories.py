"""Seed the category tree with the OCOP taxonomy (Decision 148/QĐ-TTg): six sectors as roots,
26 product sets as their children, Vietnamese names with English translations."""

import json
from pathlib import Path
from typing import Any

from django.db import migrations

DATA = Path(__file__).resolve().parents[2] / "ocop" / "data" / "product_sets.json"


def seed(apps: Any, schema_editor: Any) -> None:
    category_model = apps.get_model("catalog", "Category")
    translation_model = apps.get_model("catalog", "CategoryTranslation")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    sectors = {}
    for sector in data["sectors"]:
        category, _ = category_model.objects.update_or_create(
            slug=sector["slug"],
            defaults={"name": sector["name_vi"], "level": 0, "ocop_sector": sector["code"]},
        )
        translation_model.objects.update_or_create(
            category=category, language_code="en", defaults={"name": sector["name_en"]}
        )
        sectors[sector["code"]] = category
    for product_set in data["product_sets"]:
        category, _ = category_model.objects.update_or_create(
            slug=product_set["slug"],
            defaults={
                "name": product_set["name_vi"],
                "level": 1,
                "parent": sectors[product_set["sector"]],
                "ocop_sector": product_set["sector"],
                "ocop_product_set": product_set["number"],
            },
        )
        translation_model.objects.update_or_create(
            category=category, language_code="en", defaults={"name": product_set["name_en"]}
        )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_vietnamese_search_configuration")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
