from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.metadata import MetadataError
from backend.graphql.meta.mutations.base import BaseMetadataMutation


class DeleteMetadata(BaseMetadataMutation):
    class Arguments:
        id = graphene.ID(
            required=True,
            description="ID, or token (for Checkout and Order), of the object to update.",
        )
        keys = graphene.List(
            graphene.NonNull(graphene.String),
            required=True,
            description="Metadata keys to delete (at most 100).",
        )

    class Meta:
        description = "Deletes public metadata keys of an object; the same rules as updateMetadata."
        error_type_class = MetadataError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        return cls.delete(info, data["id"], data["keys"])
