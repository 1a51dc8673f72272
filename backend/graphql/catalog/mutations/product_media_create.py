from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from backend.catalog import services
from backend.catalog.access import can_write_catalogue, product_for_write
from backend.graphql.catalog.mutations.common import ProductError, to_pk
from backend.graphql.catalog.types.products import Product
from backend.graphql.catalog.types.variants import ProductMedia
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.core.upload import Upload


class ProductMediaCreateInput(graphene.InputObjectType):
    alt = graphene.String(description="Alt text for a product media.")
    image = Upload(description="Represents an image file in a multipart request.")
    product = graphene.ID(required=True, description="ID of a product.")
    media_url = graphene.String(description="Represents an URL to an external media.")

    class Meta:
        description = "An image to add to a product."


class ProductMediaCreate(BaseMutation):
    product = graphene.Field(Product, description="The product the media was added to.")
    media = graphene.Field(ProductMedia, description="The created media.")

    class Arguments:
        input = ProductMediaCreateInput(
            required=True, description="Fields required to create a product media."
        )

    class Meta:
        description = (
            "Adds an image (JPEG, PNG, WebP, GIF or AVIF; checked by content) to a product "
            "via a multipart request. External media URLs are not supported. Members of the "
            "product's producer and staff."
        )
        error_type_class = ProductError
        permission_check = staticmethod(can_write_catalogue)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        input_data = data["input"]
        if input_data.get("media_url"):
            raise ValidationError(
                {
                    "mediaUrl": ValidationError(
                        "Chưa hỗ trợ ảnh từ đường dẫn ngoài.", code="UNSUPPORTED_MEDIA_PROVIDER"
                    )
                }
            )
        upload = input_data.get("image")
        if not isinstance(upload, UploadedFile):
            raise ValidationError(
                {"image": ValidationError("Hãy gửi ảnh dưới dạng multipart.", code="required")}
            )
        user = info.context.user
        product = product_for_write(
            actor=user,
            product_id=to_pk(input_data["product"], "Product", "product"),
            field="product",
        )
        media = services.product_media_create(
            actor=user, product=product, upload=upload, alt=input_data.get("alt") or ""
        )
        return cls.success(product=product, media=media)
