"""Tell the planner what pg_trgm's word-similarity operator really costs.

Its default cost (1) makes a sequential scan look cheaper than the trigram GIN index for
common words, so "nem chua" scanned every product. With a realistic cost PostgreSQL ORs the
full-text and trigram index scans (BitmapOr). Databases whose migration user does not own
the extension keep the default and only lose speed.
"""

from django.db import migrations

SET_COST = """
DO $$ BEGIN
    ALTER FUNCTION word_similarity_op(text, text) COST %s;
    ALTER FUNCTION word_similarity(text, text) COST %s;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'pg_trgm function costs left unchanged: not the owner';
END $$;
"""


class Migration(migrations.Migration):
    dependencies = [("catalog", "0004_product_name_keyset_index")]
    operations = [migrations.RunSQL(SET_COST % (50, 50), SET_COST % (1, 1))]
