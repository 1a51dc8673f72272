from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from backend.graphql.core.mutations import BaseMutation
from backend.graphql.core.upload import Upload
from backend.graphql.producers.enums import ProducerDocumentTypeEnum
from backend.graphql.producers.mutations.common import enum_value, producer_pk
from backend.graphql.producers.types import ProducerDocument, ProducerError
from producers import services
from producers.permissions import is_authenticated


class ProducerDocumentUploadInput(graphene.InputObjectType):
    producer = graphene.ID(required=True, description="ID of the producer.")
    document_type = graphene.Field(
        ProducerDocumentTypeEnum, required=True, description="Kind of document."
    )
    number = graphene.String(description="Document number.")
    issuer = graphene.String(description="Issuing authority.")
    issued_on = graphene.Date(description="Date of issue.")
    expires_on = graphene.Date(description="Expiry date.")
    file = Upload(
        required=True,
        description="The file (PDF, JPEG, PNG or WebP), sent as a multipart request part.",
    )

    class Meta:
        description = "A document to attach to a producer."


class ProducerDocumentUpload(BaseMutation):
    document = graphene.Field(ProducerDocument, description="The stored document.")

    class Arguments:
        input = ProducerDocumentUploadInput(required=True, description="The document.")

    class Meta:
        description = (
            "Uploads a document into private storage (GraphQL multipart request). The content "
            "must be a PDF, JPEG, PNG or WebP matching its declared type, within the size "
            "limit. Members of the producer and staff."
        )
        error_type_class = ProducerError
        permission_check = staticmethod(is_authenticated)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        input_data = data["input"]
        upload = input_data["file"]
        if not isinstance(upload, UploadedFile):
            raise ValidationError(
                {
                    "file": ValidationError(
                        "Send the file as a multipart request part.", code="required"
                    )
                }
            )
        document = services.producer_document_upload(
            actor=info.context.user,
            producer_id=producer_pk(input_data["producer"], field="producer"),
            document_type=enum_value(input_data["document_type"]),
            file=upload,
            file_name=upload.name or "",
            content_type=upload.content_type,
            size=upload.size or 0,
            number=input_data.get("number") or "",
            issuer=input_data.get("issuer") or "",
            issued_on=input_data.get("issued_on"),
            expires_on=input_data.get("expires_on"),
        )
        return cls.success(document=document)
