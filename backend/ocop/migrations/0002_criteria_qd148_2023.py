from django.db import migrations

from backend.ocop.criteria_loader import install_criteria_set, remove_criteria_set
from backend.ocop.scoring import QD148_2023_PATH


def install(apps, schema_editor):
    install_criteria_set(apps, QD148_2023_PATH)


def remove(apps, schema_editor):
    remove_criteria_set(apps, "QD148-2023")


class Migration(migrations.Migration):
    dependencies = [("ocop", "0001_initial")]
    operations = [migrations.RunPython(install, remove)]
