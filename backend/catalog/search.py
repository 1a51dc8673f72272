"""Vietnamese product search in PostgreSQL.

Each product stores ``search_vector`` (config ``vietnamese_unaccent``: diacritics folded,
no stemming; name weight A, attribute values B, description, producer and category C) and
``search_name`` (lower-cased, unaccented name) with a trigram GIN index for typos. Both are
written by ``update_product_search_index`` when a product or what it is found by changes;
requests only read them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import connection
from django.db.models import BooleanField, Case, FloatField, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from backend.catalog.models import Product

CONFIG = "vietnamese_unaccent"
MAX_QUERY_LENGTH = 200

_WORD = re.compile(r"\w+", re.UNICODE)

# Only constants are formatted in; product ids are bound parameters.
_UPDATE_SQL = f"""
UPDATE catalog_product AS p SET
    search_name = lower(unaccent(p.name)),
    search_vector =
        setweight(to_tsvector('{CONFIG}', coalesce(p.name, '')), 'A')
        || setweight(to_tsvector('{CONFIG}', coalesce((
            SELECT string_agg(av.name, ' ')
            FROM catalog_assignedproductattributevalue apv
            JOIN catalog_attributevalue av ON av.id = apv.value_id
            WHERE apv.product_id = p.id
        ), '') || ' ' || coalesce((
            SELECT string_agg(v.name || ' ' || coalesce(av.name, ''), ' ')
            FROM catalog_productvariant v
            LEFT JOIN catalog_assignedvariantattributevalue avv ON avv.variant_id = v.id
            LEFT JOIN catalog_attributevalue av ON av.id = avv.value_id
            WHERE v.product_id = p.id
        ), '')), 'B')
        || setweight(to_tsvector('{CONFIG}',
            coalesce(p.description_plaintext, '') || ' '
            || pr.name || ' '
            || coalesce((SELECT c.name FROM catalog_category c WHERE c.id = p.category_id), '')
        ), 'C'),
    search_index_dirty = false
FROM producers_producer pr
WHERE pr.id = p.producer_id AND {{where}}
"""  # noqa: S608


def update_product_search_index(product_ids: Iterable[int] | None = None) -> int:
    """Recompute the stored search columns; all products when ``product_ids`` is None.

    Returns how many products were updated. Safe to run repeatedly.
    """
    with connection.cursor() as cursor:
        if product_ids is None:
            cursor.execute(_UPDATE_SQL.format(where="true"))
        else:
            ids = list(product_ids)
            if not ids:
                return 0
            cursor.execute(_UPDATE_SQL.format(where="p.id = ANY(%s)"), [ids])
        return cursor.rowcount


def normalise_query(text: str) -> str:
    """Words of the query only (punctuation, operators and quotes dropped), space separated."""
    return " ".join(_WORD.findall(text[:MAX_QUERY_LENGTH])).strip()


def search_products(queryset: QuerySet[Product], text: str) -> QuerySet[Product]:
    """Products matching ``text`` (full text, prefix on each word, or trigram typo match),
    annotated with ``search_rank``: exact name first, then names starting with the query,
    then text rank or trigram similarity.

    Only word characters reach SQL, and only as bound parameters.
    """
    words = normalise_query(text)
    if not words:
        return queryset.annotate(search_rank=Value(0.0, output_field=FloatField()))
    lowered = words.lower()
    raw_query = " & ".join(f"{word}:*" for word in lowered.split())
    # One boolean condition so PostgreSQL can OR the two GIN index scans (BitmapOr).
    matches = RawSQL(  # noqa: S611  (user text only as bound parameters)
        f"(catalog_product.search_vector @@ to_tsquery('{CONFIG}', %s)"
        " OR lower(unaccent(%s)) <%% catalog_product.search_name)",
        [raw_query, lowered],
        output_field=BooleanField(),
    )
    # Full-text matches rank by 1 + ts_rank (name above attributes above description),
    # rows found only through the trigram index (typos) by their word similarity (at most
    # 1), so typos follow real matches. word_similarity is the costly part and is computed
    # only for those rows: a broad term matching 14,000 products ranks three times faster.
    relevance = RawSQL(  # noqa: S611  (user text only as bound parameters)
        f"CASE WHEN catalog_product.search_vector @@ to_tsquery('{CONFIG}', %s)"
        f" THEN 1 + ts_rank(catalog_product.search_vector, to_tsquery('{CONFIG}', %s))"
        " ELSE word_similarity(lower(unaccent(%s)), catalog_product.search_name) END",
        [raw_query, raw_query, lowered],
        output_field=FloatField(),
    )
    exact = RawSQL(
        "catalog_product.search_name = lower(unaccent(%s))", [lowered], output_field=BooleanField()
    )
    prefix = RawSQL(
        "starts_with(catalog_product.search_name, lower(unaccent(%s)))",
        [lowered],
        output_field=BooleanField(),
    )
    # Exact name, then names that start with the query ("Mật ong hoa nhãn" before
    # "Trà gừng mật ong"), then text rank or typo similarity.
    return queryset.filter(matches).annotate(
        search_rank=Case(
            When(exact, then=Value(100.0)),
            When(prefix, then=Value(50.0) + relevance),
            default=relevance,
            output_field=FloatField(),
        )
    )
