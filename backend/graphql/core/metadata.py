"""Saleor's public metadata shapes: ``metadata``, ``metafield(key)``, ``metafields(keys)`` and
``MetadataInput``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import graphene
from graphene.types.generic import GenericScalar


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


class Metadata(GenericScalar):
    """Metadata is a map of key-value pairs, both keys and values are String."""


class ObjectWithPublicMetadata(graphene.ObjectType):
    """The public half of Saleor's ObjectWithMetadata, for models with a ``metadata`` dict
    (the private half is staff-only and not exposed on these types)."""

    metadata = graphene.List(
        graphene.NonNull(MetadataItem), required=True, description="Public metadata."
    )
    metafield = graphene.String(
        key=graphene.String(required=True, description="Metadata key."),
        description="A public metadata value by its key, or null.",
    )
    metafields = graphene.Field(
        Metadata,
        keys=graphene.List(graphene.NonNull(graphene.String), description="Keys; all if omitted."),
        description="Public metadata values by key.",
    )

    class Meta:
        abstract = True

    @staticmethod
    def resolve_metadata(root: Any, info: graphene.ResolveInfo) -> list[MetadataItem]:
        return metadata_items(root.metadata)

    @staticmethod
    def resolve_metafield(root: Any, info: graphene.ResolveInfo, key: str) -> str | None:
        value = (root.metadata or {}).get(key)
        return None if value is None else str(value)

    @staticmethod
    def resolve_metafields(
        root: Any, info: graphene.ResolveInfo, keys: list[str] | None = None
    ) -> dict[str, str]:
        metadata = root.metadata or {}
        wanted = metadata.keys() if keys is None else [key for key in keys if key in metadata]
        return {key: str(metadata[key]) for key in wanted}
