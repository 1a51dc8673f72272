"""Whole-response cache for anonymous catalogue reads (architecture.md, Performance design).

Anonymous reads of the catalogue are the same for everyone in a channel and language, so
their JSON responses are cached by (catalogue version, Vietnam date, language, query,
variables, operation). Any change to a catalogue-side model bumps the version, which
retires every entry at once. Fields that change without such a save (stock levels move
through conditional UPDATEs at checkout) are never cached, and entries also expire after
``GRAPHQL_RESPONSE_CACHE_SECONDS`` so scheduled publications appear on time.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from graphql import (
    DocumentNode,
    FieldNode,
    OperationType,
    get_operation_ast,
)
from graphql.language import Visitor, visit

VERSION_KEY = "graphql:catalogue-version"
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
UNCACHEABLE_FIELDS = frozenset({"quantityAvailable", "isAvailable", "stocks"})
# Saving any model of these apps changes what catalogue reads return.
CATALOGUE_APPS = frozenset({"catalog", "channels", "content", "ocop", "producers", "inventory"})


def catalogue_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return int(version)


def bump_catalogue_version(sender: Any = None, **kwargs: Any) -> None:
    """Signal receiver (connected to catalogue-side models only): retire every cached
    catalogue response."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or evicted): any new value retires old entries
        cache.set(VERSION_KEY, catalogue_version() + 1, timeout=None)


class _FieldNames(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_field(self, node: FieldNode, *args: Any) -> None:
        self.names.add(node.name.value)


def is_cacheable(document: DocumentNode, operation_name: str | None) -> bool:
    """A query whose root fields are all public catalogue reads and that asks for no
    stock-dependent field anywhere (fragments included)."""
    operation = get_operation_ast(document, operation_name)
    if operation is None or operation.operation != OperationType.QUERY:
        return False
    roots = operation.selection_set.selections
    if not all(isinstance(node, FieldNode) for node in roots):
        return False
    if any(node.name.value not in CACHEABLE_ROOT_FIELDS for node in roots):  # type: ignore[attr-defined]
        return False
    names = _FieldNames()
    visit(document, names)  # the whole document: fragments too
    return not names.names & UNCACHEABLE_FIELDS


def response_key(*, query: str, variables: Any, operation_name: str | None, language: str) -> str:
    today = timezone.localdate().isoformat()  # certificates expire at midnight, Vietnam time
    raw = json.dumps(
        [catalogue_version(), today, language, query, variables, operation_name],
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return "graphql:response:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()


def timeout() -> int:
    return int(settings.GRAPHQL_RESPONSE_CACHE_SECONDS)
