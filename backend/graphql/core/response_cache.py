"""Whole-response cache for anonymous catalogue reads (architecture.md, Performance design).

Anonymous reads of the catalogue are the same for everyone in a channel and language, so
their JSON responses are cached by (catalogue version, Vietnam date, language, query,
variables, operation). Any change to a catalogue-side model bumps the version, which
retires every entry at once. Responses that show stock levels (which move through
conditional UPDATEs at checkout, without a model save) are also keyed by a stock version,
bumped after every commit that allocates, releases or consumes stock, so a sale retires
them but leaves the rest of the catalogue cached. Entries also expire after
``GRAPHQL_RESPONSE_CACHE_SECONDS`` so scheduled publications appear on time.
"""

from __future__ import annotations

import enum
import hashlib
import json
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from graphql import (
    DocumentNode,
    FieldNode,
    ObjectFieldNode,
    OperationType,
    get_operation_ast,
)
from graphql.language import Visitor, visit

from backend.core.cache_versions import cache_version, cache_version_bump

VERSION_KEY = "graphql:catalogue-version"
STOCK_VERSION_KEY = "graphql:stock-version"
CACHEABLE_ROOT_FIELDS = frozenset(
    {
        "__typename",
        "shop",
        "products",
        "product",
        "productVariant",
        "productVariants",
        "categories",
        "category",
        "collections",
        "collection",
        "menu",
        "page",
        "pages",
        "producer",
        "producers",
        "ocopCertificates",
        "ocopCertificate",
        "ocopCriteriaSets",
        "addressValidationRules",
    }
)
# Values that move without a model save (stock allocations are conditional UPDATEs).
STOCK_FIELDS = frozenset({"quantityAvailable", "isAvailable", "stocks"})
# Filter input fields whose result depends on stock levels.
STOCK_FILTERS = frozenset({"stockAvailability"})
# Saving any model of these apps changes what catalogue reads return...
CATALOGUE_APPS = frozenset({"catalog", "channels", "content", "ocop", "producers", "inventory"})
# ...except these, which only move stock levels.
STOCK_MODELS = frozenset({"inventory.Stock", "inventory.Allocation"})


def bump_catalogue_version(sender: Any = None, **kwargs: Any) -> None:
    """Signal receiver (connected to catalogue-side models only): retire every cached
    catalogue response."""
    cache_version_bump(VERSION_KEY)


def bump_stock_version(sender: Any = None, **kwargs: Any) -> None:
    """Signal receiver (stock saves and ``stock_levels_changed``): retire cached responses
    that show stock levels."""
    cache_version_bump(STOCK_VERSION_KEY)


class _Names(Visitor):
    """Names of the fields asked for and of the input fields written in the document."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_field(self, node: FieldNode, *args: Any) -> None:
        self.names.add(node.name.value)

    def enter_object_field(self, node: ObjectFieldNode, *args: Any) -> None:
        self.names.add(node.name.value)


def _mentions(value: Any, names: frozenset[str]) -> bool:
    if isinstance(value, dict):
        return any(key in names or _mentions(item, names) for key, item in value.items())
    if isinstance(value, list):
        return any(_mentions(item, names) for item in value)
    return False


class Cacheability(enum.Enum):
    NO = "no"
    CATALOGUE = "catalogue"
    # Also shows stock levels: keyed by the stock version too.
    STOCK = "stock"


def cacheability(
    document: DocumentNode, operation_name: str | None, variables: Any = None
) -> Cacheability:
    """Whether a query's root fields are all public catalogue reads, and whether it asks
    for a stock-dependent field or filters by stock anywhere (fragments and variables
    included)."""
    operation = get_operation_ast(document, operation_name)
    if operation is None or operation.operation != OperationType.QUERY:
        return Cacheability.NO
    roots = operation.selection_set.selections
    if not all(isinstance(node, FieldNode) for node in roots):
        return Cacheability.NO
    if any(node.name.value not in CACHEABLE_ROOT_FIELDS for node in roots):  # type: ignore[attr-defined]
        return Cacheability.NO
    names = _Names()
    visit(document, names)  # the whole document: fragments too
    if names.names & (STOCK_FIELDS | STOCK_FILTERS) or _mentions(variables, STOCK_FILTERS):
        return Cacheability.STOCK
    return Cacheability.CATALOGUE


def response_key(
    *,
    query: str,
    variables: Any,
    operation_name: str | None,
    language: str,
    with_stock: bool,
) -> str:
    today = timezone.localdate().isoformat()  # certificates expire at midnight, Vietnam time
    keys = [VERSION_KEY, STOCK_VERSION_KEY] if with_stock else [VERSION_KEY]
    known = cache.get_many(keys)  # one round trip for both versions
    versions = [known[key] if key in known else cache_version(key) for key in keys]
    raw = json.dumps(
        [versions, today, language, query, variables, operation_name],
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return "graphql:response:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()


def timeout() -> int:
    return int(settings.GRAPHQL_RESPONSE_CACHE_SECONDS)
