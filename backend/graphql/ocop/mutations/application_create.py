from __future__ import annotations

from typing import Any

import graphene

from backend.catalog.models import Product
from backend.core.errors import NotFound
from backend.graphql.core.ids import decode_id_for_input
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.ocop.mutations.common import is_signed_in
from backend.graphql.ocop.types import OcopApplication, OcopError
from backend.ocop import services


class OcopApplicationCreateInput(graphene.InputObjectType):
    product = graphene.ID(required=True, description="Global ID of the producer's Product.")
    product_set = graphene.Int(required=True, description="OCOP product set (1-26).")

    class Meta:
        description = "Fields to start an OCOP application."


class OcopApplicationCreate(BaseMutation):
    application = graphene.Field(OcopApplication, description="The draft application.")

    class Arguments:
        input = OcopApplicationCreateInput(required=True, description="Fields required.")

    class Meta:
        description = "Start a draft OCOP application for one of your producer's products."
        error_type_class = OcopError
        permission_check = staticmethod(is_signed_in)

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        values = data["input"]
        pk = decode_id_for_input(values["product"], "Product", field="product")
        product = Product.objects.select_related("producer").filter(pk=pk).first()
        if product is None:
            raise NotFound("Không tìm thấy sản phẩm.", field="product")
        application = services.application_create(
            actor=info.context.user, product=product, product_set=values["product_set"]
        )
        return cls.success(application=application)
