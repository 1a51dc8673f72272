from __future__ import annotations

import graphene

from backend.catalog import models
from backend.catalog.models import AttributeInputType
from backend.graphql.catalog.enums import AttributeInputTypeEnum, AttributeTypeEnum
from backend.graphql.core.metadata import ObjectWithPublicMetadata

# Input types whose values are picked from a list (Saleor's withChoices).
CHOICE_INPUT_TYPES = frozenset(
    {AttributeInputType.DROPDOWN, AttributeInputType.MULTISELECT, AttributeInputType.SWATCH}
)


class Attribute(ObjectWithPublicMetadata):
    """Custom attribute of a product (e.g. region, net weight, ingredient)."""

    name = graphene.String(required=True, description="Name of an attribute displayed in UI.")
    slug = graphene.String(required=True, description="Internal representation of an attribute.")
    input_type = graphene.Field(AttributeInputTypeEnum, description="The input type of values.")
    type = graphene.Field(AttributeTypeEnum, required=True, description="The attribute type.")
    unit = graphene.String(description="The unit of attribute values.")
    value_required = graphene.Boolean(required=True, description="Whether a value is required.")
    visible_in_storefront = graphene.Boolean(
        required=True, description="Whether the attribute is shown in the storefront."
    )
    filterable_in_storefront = graphene.Boolean(
        required=True, description="Whether the attribute can be filtered in the storefront."
    )
    storefront_search_position = graphene.Int(
        required=True,
        description="The position of the attribute in the storefront navigation (0 first).",
    )
    with_choices = graphene.Boolean(
        required=True, description="Whether the attribute has predefined choices."
    )

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "Custom attribute of a product."

    @staticmethod
    def resolve_type(root: models.Attribute, info: graphene.ResolveInfo) -> str:
        return "PRODUCT_TYPE"

    @staticmethod
    def resolve_with_choices(root: models.Attribute, info: graphene.ResolveInfo) -> bool:
        return root.input_type in CHOICE_INPUT_TYPES

    @staticmethod
    def resolve_unit(root: models.Attribute, info: graphene.ResolveInfo) -> str | None:
        return root.unit or None

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.Attribute)


class AttributeValue(graphene.ObjectType):
    """Represents a value of an attribute."""

    name = graphene.String(description="Name of a value displayed in the interface.")
    slug = graphene.String(description="Internal representation of a value (unique per attribute).")
    value = graphene.String(description="Represents the value of the attribute value.")
    input_type = graphene.Field(AttributeInputTypeEnum, description="The input type of a value.")
    plain_text = graphene.String(description="Represents the text of the attribute value.")
    boolean = graphene.Boolean(description="Represents the boolean value of the attribute value.")

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "Represents a value of an attribute."

    @staticmethod
    def resolve_input_type(root: models.AttributeValue, info: graphene.ResolveInfo) -> str:
        return root.attribute.input_type

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.AttributeValue)


class SelectedAttribute(graphene.ObjectType):
    """Represents an assigned attribute to an object."""

    attribute = graphene.Field(Attribute, required=True, description="Name of an attribute.")
    values = graphene.List(
        graphene.NonNull(AttributeValue), required=True, description="Values of an attribute."
    )
