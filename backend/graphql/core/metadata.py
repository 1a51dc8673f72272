"""Saleor's public metadata shapes: ``metadata: [MetadataItem!]!`` and ``MetadataInput``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import graphene


class MetadataItem(graphene.ObjectType):
    key = graphene.String(required=True, description="Key of a metadata item.")
    value = graphene.String(required=True, description="Value of a metadata item.")


class MetadataInput(graphene.InputObjectType):
    key = graphene.String(required=True, description="Key of a metadata item.")
    value = graphene.String(required=True, description="Value of a metadata item.")


def metadata_items(metadata: Mapping[str, Any] | None) -> list[MetadataItem]:
    return [MetadataItem(key=k, value=str(v)) for k, v in sorted((metadata or {}).items())]


def metadata_dict(items: Iterable[Mapping[str, Any]] | None) -> dict[str, str]:
    return {str(item["key"]): str(item["value"]) for item in items or ()}
