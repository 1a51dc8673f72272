"""Saleor's ``AssignedAttribute`` interface and its types (``assignedAttributes``).

Each of our attribute input types maps to one Saleor type: dropdown -> single choice,
multiselect -> multi choice, plain text, numeric, boolean, swatch. Saleor's file and
collection-reference types are in the schema for clients that name them; no attribute of
ours has those input types, so they are never returned.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import graphene

from backend.accounts.roles import is_staff
from backend.catalog import models
from backend.catalog.models import AttributeInputType
from backend.graphql.catalog import dataloaders as loaders
from backend.graphql.catalog.types.attributes import Attribute, SelectedAttribute
from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.scalars import PositiveInt

# Saleor's DEFAULT_NESTED_LIST_LIMIT.
DEFAULT_NESTED_LIST_LIMIT = 100


@dataclass
class AssignedAttributeData:
    """An attribute of an object's product type and the values the object has for it."""

    attribute: models.Attribute
    values: list[models.AttributeValue]


def assigned_attributes(
    attributes: Iterable[models.Attribute], assignments: Iterable[Any]
) -> list[AssignedAttributeData]:
    """Pair each attribute with the object's values for it (attributes without values
    included, as Saleor lists every attribute of the type)."""
    values: dict[int, list[models.AttributeValue]] = {}
    for assignment in assignments:
        values.setdefault(assignment.value.attribute_id, []).append(assignment.value)
    return [
        AssignedAttributeData(attribute=attribute, values=values.get(attribute.pk, []))
        for attribute in attributes
    ]


def as_selected(data: list[AssignedAttributeData]) -> list[SelectedAttribute]:
    """The deprecated ``attributes`` shape of the same data."""
    return [SelectedAttribute(attribute=item.attribute, values=item.values) for item in data]


def _first(root: AssignedAttributeData, info: Any = None) -> models.AttributeValue | None:
    """The object's (first) value: the resolver of the single-value types' ``value``."""
    return root.values[0] if root.values else None


def _translation_argument() -> graphene.Argument:
    return graphene.Argument(LanguageCodeEnum, required=True, description="A language code.")


class AssignedAttribute(graphene.Interface):
    """Represents an attribute assigned to an object."""

    attribute = graphene.Field(
        Attribute, required=True, description="Attribute assigned to an object."
    )

    @classmethod
    def resolve_type(cls, instance: AssignedAttributeData, info: graphene.ResolveInfo) -> Any:
        return ASSIGNED_ATTRIBUTE_MAP[instance.attribute.input_type]


class AssignedChoiceAttributeValue(graphene.ObjectType):
    """Represents a single choice value of the attribute."""

    name = graphene.String(description="Name of a value displayed in the interface.")
    slug = graphene.String(description="Internal representation of a value (unique per attribute).")
    translation = graphene.String(
        language_code=_translation_argument(),
        description="Translation of the name; null: value names are not translated here.",
    )

    @staticmethod
    def resolve_translation(
        root: models.AttributeValue, info: graphene.ResolveInfo, language_code: Any
    ) -> None:
        return None


class AssignedSingleChoiceAttribute(graphene.ObjectType):
    value = graphene.Field(AssignedChoiceAttributeValue, description="The assigned choice value.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents a single choice attribute (our dropdown attributes)."

    resolve_value = staticmethod(_first)


class AssignedMultiChoiceAttribute(graphene.ObjectType):
    value = graphene.List(
        graphene.NonNull(AssignedChoiceAttributeValue),
        required=True,
        limit=PositiveInt(
            description=f"Maximum number of choices to return. Default is "
            f"{DEFAULT_NESTED_LIST_LIMIT}.",
            default_value=DEFAULT_NESTED_LIST_LIMIT,
        ),
        description="List of assigned choice values.",
    )

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents a multi choice attribute (our multiselect attributes)."

    @staticmethod
    def resolve_value(
        root: AssignedAttributeData,
        info: graphene.ResolveInfo,
        limit: int = DEFAULT_NESTED_LIST_LIMIT,
    ) -> Any:
        return root.values[:limit]


class AssignedPlainTextAttribute(graphene.ObjectType):
    value = graphene.String(description="The assigned plain text content.")
    translation = graphene.String(
        language_code=_translation_argument(),
        description="Translation of the text; null: values are not translated here.",
    )

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents plain text attribute."

    @staticmethod
    def resolve_value(root: AssignedAttributeData, info: graphene.ResolveInfo) -> str | None:
        value = _first(root)
        return None if value is None else value.plain_text

    @staticmethod
    def resolve_translation(
        root: AssignedAttributeData, info: graphene.ResolveInfo, language_code: Any
    ) -> None:
        return None


def numeric_value(value: models.AttributeValue | None) -> float | None:
    """A numeric attribute keeps its number in the value's name (as Saleor does)."""
    if value is None:
        return None
    try:
        number = float(value.name)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


class AssignedNumericAttribute(graphene.ObjectType):
    value = graphene.Float(description="The assigned numeric value.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents a numeric value of an attribute."

    @staticmethod
    def resolve_value(root: AssignedAttributeData, info: graphene.ResolveInfo) -> float | None:
        return numeric_value(_first(root))


class AssignedBooleanAttribute(graphene.ObjectType):
    value = graphene.Boolean(description="The assigned boolean value.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents a boolean attribute."

    @staticmethod
    def resolve_value(root: AssignedAttributeData, info: graphene.ResolveInfo) -> bool | None:
        value = _first(root)
        return None if value is None else value.boolean


class File(graphene.ObjectType):
    url = graphene.String(required=True, description="The URL of the file.")
    content_type = graphene.String(description="Content type of the file.")


class AssignedSwatchAttributeValue(graphene.ObjectType):
    """Represents a single swatch value."""

    name = graphene.String(description="Name of the selected swatch value.")
    slug = graphene.String(description="Slug of the selected swatch value.")
    hex_color = graphene.String(description="Hex color code.")
    file = graphene.Field(
        File, description="File associated with the attribute; null: swatches are colours here."
    )

    @staticmethod
    def resolve_hex_color(root: models.AttributeValue, info: graphene.ResolveInfo) -> str | None:
        return root.value or None

    @staticmethod
    def resolve_file(root: models.AttributeValue, info: graphene.ResolveInfo) -> None:
        return None


class AssignedSwatchAttribute(graphene.ObjectType):
    value = graphene.Field(AssignedSwatchAttributeValue, description="The assigned swatch value.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents a swatch attribute."

    resolve_value = staticmethod(_first)


class AssignedFileAttribute(graphene.ObjectType):
    value = graphene.Field(File, description="The assigned file.")

    class Meta:
        interfaces = (AssignedAttribute,)
        description = "Represents file attribute (no attribute of ours has files)."


class AssignedSingleCollectionReferenceAttribute(graphene.ObjectType):
    value = graphene.Field(
        "backend.graphql.catalog.types.categories.Collection",
        description="The assigned collection reference.",
    )

    class Meta:
        interfaces = (AssignedAttribute,)
        description = (
            "Represents single collection reference attribute (no attribute of ours "
            "references collections)."
        )


ASSIGNED_ATTRIBUTE_MAP: dict[str, type[graphene.ObjectType]] = {
    AttributeInputType.DROPDOWN: AssignedSingleChoiceAttribute,
    AttributeInputType.MULTISELECT: AssignedMultiChoiceAttribute,
    AttributeInputType.PLAIN_TEXT: AssignedPlainTextAttribute,
    AttributeInputType.NUMERIC: AssignedNumericAttribute,
    AttributeInputType.BOOLEAN: AssignedBooleanAttribute,
    AttributeInputType.SWATCH: AssignedSwatchAttribute,
}
# Every implementation, for the schema's ``types`` (interfaces hide them otherwise).
ASSIGNED_ATTRIBUTE_TYPES = [
    *ASSIGNED_ATTRIBUTE_MAP.values(),
    AssignedFileAttribute,
    AssignedSingleCollectionReferenceAttribute,
]


def assigned_data(root: Any, info: graphene.ResolveInfo) -> list[AssignedAttributeData]:
    """A product's or a variant's attributes with its values; staff also see the attributes
    hidden from the storefront. Batched over the page (two queries in all)."""
    visible_only = not is_staff(info.context.user)
    if isinstance(root, models.ProductVariant):
        attributes = loaders.AttributesByVariantIdLoader.for_request(info.context, visible_only)
        values = loaders.VariantAttributeValuesLoader.for_request(info.context)
    else:
        attributes = loaders.AttributesByProductIdLoader.for_request(info.context, visible_only)
        values = loaders.ProductAttributeValuesLoader.for_request(info.context)
    return assigned_attributes(attributes.load(root.pk), values.load(root.pk))


class ObjectWithAttributes(graphene.Interface):
    """An object with attributes."""

    assigned_attribute = graphene.Field(
        AssignedAttribute,
        slug=graphene.String(required=True, description="Slug of the attribute."),
        description="Get a single attribute attached to the object by attribute slug.",
    )
    assigned_attributes = graphene.List(
        graphene.NonNull(AssignedAttribute),
        required=True,
        limit=PositiveInt(
            description=f"Maximum number of attributes to return. Default is "
            f"{DEFAULT_NESTED_LIST_LIMIT}.",
            default_value=DEFAULT_NESTED_LIST_LIMIT,
        ),
        description="List of attributes assigned to the object.",
    )

    @staticmethod
    def resolve_assigned_attributes(
        root: Any, info: graphene.ResolveInfo, limit: int = DEFAULT_NESTED_LIST_LIMIT
    ) -> list[AssignedAttributeData]:
        return assigned_data(root, info)[:limit]

    @staticmethod
    def resolve_assigned_attribute(
        root: Any, info: graphene.ResolveInfo, slug: str
    ) -> AssignedAttributeData | None:
        found = (item for item in assigned_data(root, info) if item.attribute.slug == slug)
        return next(found, None)
