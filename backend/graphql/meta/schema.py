"""Saleor's metadata mutations (``updateMetadata`` and friends)."""

from __future__ import annotations

import graphene

from backend.graphql.meta.mutations.delete_metadata import DeleteMetadata
from backend.graphql.meta.mutations.delete_private_metadata import DeletePrivateMetadata
from backend.graphql.meta.mutations.update_metadata import UpdateMetadata
from backend.graphql.meta.mutations.update_private_metadata import UpdatePrivateMetadata


class MetaMutations(graphene.ObjectType):
    update_metadata = UpdateMetadata.Field(description="Update public metadata of an object.")
    delete_metadata = DeleteMetadata.Field(description="Delete public metadata of an object.")
    update_private_metadata = UpdatePrivateMetadata.Field(
        description="Update private metadata of an object (staff)."
    )
    delete_private_metadata = DeletePrivateMetadata.Field(
        description="Delete private metadata of an object (staff)."
    )
