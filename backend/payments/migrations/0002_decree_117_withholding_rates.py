"""Decree 117/2025/NĐ-CP (from 1 July 2025): for household and individual sellers, a
platform with a payment function withholds 1% VAT and 0.5% PIT of goods revenue."""

import datetime
from decimal import Decimal

from django.db import migrations

LEGAL_BASIS = "Nghị định 117/2025/NĐ-CP"
VALID_FROM = datetime.date(2025, 7, 1)
RATES = (("vat", Decimal("1.00")), ("pit", Decimal("0.50")))


def add_rates(apps, schema_editor):
    rate_model = apps.get_model("payments", "WithholdingTaxRate")
    for tax, percent in RATES:
        rate_model.objects.get_or_create(
            tax=tax,
            supply_type="goods",
            valid_from=VALID_FROM,
            defaults={"percent": percent, "legal_basis": LEGAL_BASIS},
        )


def remove_rates(apps, schema_editor):
    rate_model = apps.get_model("payments", "WithholdingTaxRate")
    rate_model.objects.filter(valid_from=VALID_FROM, legal_basis=LEGAL_BASIS).delete()


class Migration(migrations.Migration):
    dependencies = [("payments", "0001_initial")]

    operations = [migrations.RunPython(add_rates, remove_rates)]
