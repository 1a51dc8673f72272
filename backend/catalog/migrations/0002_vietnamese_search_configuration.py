"""A text search configuration that folds Vietnamese diacritics: "Thanh Hóa" and "thanh hoa"
produce the same lexemes. ``simple`` (no stemming) because Vietnamese words are syllables."""

from django.db import migrations

CREATE = """
CREATE TEXT SEARCH CONFIGURATION vietnamese_unaccent (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION vietnamese_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS vietnamese_unaccent;"


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial"), ("core", "0001_postgres_extensions")]
    operations = [migrations.RunSQL(CREATE, DROP)]
