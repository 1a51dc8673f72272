"""Saleor's metadata shapes: ``MetadataItem``, ``MetadataInput``, the ``Metadata`` map, the
``ObjectWithMetadata`` interface and ``MetadataError``.

Types implementing ``ObjectWithMetadata`` are resolved from model instances with
``metadata`` and ``private_metadata`` dicts; private fields need staff (Saleor: a manage
permission) and are a top-level PermissionDenied error otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import graphene

from backend.core.metadata import private_metadata_allowed
from backend.graphql.core.errors import PermissionDeniedError, make_error_type


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


class Metadata(graphene.Scalar):
    """Metadata is a map of key-value pairs, both keys and values are `String`."""

    @staticmethod
    def serialize(value: Mapping[str, Any]) -> dict[str, str]:
        return {str(key): str(item) for key, item in value.items()}

    @staticmethod
    def parse_value(value: Any) -> Any:
        return value

    @staticmethod
    def parse_literal(node: Any, _variables: Any = None) -> Any:
        return None  # output only


class MetadataErrorCode(graphene.Enum):
    """Saleor's MetadataErrorCode."""

    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    NOT_UPDATED = "NOT_UPDATED"


MetadataError = make_error_type("MetadataError", MetadataErrorCode)


def _fields(metadata: Mapping[str, Any] | None, keys: list[str] | None) -> dict[str, Any]:
    metadata = metadata or {}
    if keys is None:
        return dict(metadata)
    return {key: metadata[key] for key in keys if key in metadata}


def _private(root: Any, info: graphene.ResolveInfo) -> Mapping[str, Any]:
    if not private_metadata_allowed(info.context.user):
        raise PermissionDeniedError()
    return root.private_metadata or {}


def _keys_argument() -> graphene.List:
    return graphene.List(graphene.NonNull(graphene.String), description="Keys; all when null.")


class ObjectWithMetadata(graphene.Interface):
    private_metadata = graphene.List(
        graphene.NonNull(MetadataItem),
        required=True,
        description="List of private metadata items (staff only).",
    )
    private_metafield = graphene.String(
        key=graphene.String(required=True, description="Metadata key."),
        description="A single key from private metadata (staff only).",
    )
    private_metafields = graphene.Field(
        Metadata, keys=_keys_argument(), description="Private metadata, filtered by keys."
    )
    metadata = graphene.List(
        graphene.NonNull(MetadataItem), required=True, description="List of public metadata items."
    )
    metafield = graphene.String(
        key=graphene.String(required=True, description="Metadata key."),
        description="A single key from public metadata.",
    )
    metafields = graphene.Field(
        Metadata, keys=_keys_argument(), description="Public metadata, filtered by keys."
    )

    class Meta:
        description = "An object with public and private metadata (Saleor's interface)."

    @staticmethod
    def resolve_metadata(root: Any, info: graphene.ResolveInfo) -> list[MetadataItem]:
        return metadata_items(root.metadata)

    @staticmethod
    def resolve_metafield(root: Any, info: graphene.ResolveInfo, key: str) -> Any:
        return (root.metadata or {}).get(key)

    @staticmethod
    def resolve_metafields(
        root: Any, info: graphene.ResolveInfo, keys: list[str] | None = None
    ) -> dict[str, Any]:
        return _fields(root.metadata, keys)

    @staticmethod
    def resolve_private_metadata(root: Any, info: graphene.ResolveInfo) -> list[MetadataItem]:
        return metadata_items(_private(root, info))

    @staticmethod
    def resolve_private_metafield(root: Any, info: graphene.ResolveInfo, key: str) -> Any:
        return _private(root, info).get(key)

    @staticmethod
    def resolve_private_metafields(
        root: Any, info: graphene.ResolveInfo, keys: list[str] | None = None
    ) -> dict[str, Any]:
        return _fields(_private(root, info), keys)


class ObjectWithPublicMetadata(graphene.ObjectType):
    """The public half of ``ObjectWithMetadata`` as a base type, for catalogue types whose
    private metadata is not exposed."""

    metadata = graphene.List(
        graphene.NonNull(MetadataItem), required=True, description="Public metadata."
    )
    metafield = graphene.String(
        key=graphene.String(required=True, description="Metadata key."),
        description="A public metadata value by its key, or null.",
    )
    metafields = graphene.Field(
        Metadata, keys=_keys_argument(), description="Public metadata values by key."
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
    ) -> dict[str, Any]:
        return _fields(root.metadata, keys)
