from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.metadata import MetadataError, MetadataInput, metadata_dict
from backend.graphql.meta.mutations.base import BaseMetadataMutation


class UpdateMetadata(BaseMetadataMutation):
    class Arguments:
        id = graphene.ID(
            required=True,
            description="ID, or token (for Checkout and Order), of the object to update.",
        )
        input = graphene.List(
            graphene.NonNull(MetadataInput),
            required=True,
            description="Metadata items to set (at most 100).",
        )

    class Meta:
        description = (
            "Updates public metadata of an object. Anyone who may use a checkout may update "
            "its and its lines' public metadata; an order's and its lines' need staff."
        )
        error_type_class = MetadataError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        return cls.update(info, data["id"], metadata_dict(data["input"]))
