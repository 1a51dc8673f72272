from __future__ import annotations

from backend.core.metadata import private_metadata_allowed
from backend.graphql.core.metadata import MetadataError
from backend.graphql.meta.mutations.delete_metadata import DeleteMetadata


class DeletePrivateMetadata(DeleteMetadata):
    private = True

    class Meta:
        description = "Deletes private metadata keys of an object. Requires staff."
        error_type_class = MetadataError
        permission_check = staticmethod(private_metadata_allowed)
