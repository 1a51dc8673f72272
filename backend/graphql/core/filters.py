"""Saleor's filter input types for ``where`` arguments."""

from __future__ import annotations

from typing import Any

import graphene
from django.db.models import Q
from graphql import GraphQLError

from backend.graphql.core.ids import decode_id


class StringFilterInput(graphene.InputObjectType):
    """Define the filtering options for string fields."""

    eq = graphene.String(description="The value equal to.")
    one_of = graphene.List(graphene.NonNull(graphene.String), description="The value included in.")


class GlobalIDFilterInput(graphene.InputObjectType):
    """Define the filtering options for foreign key fields."""

    eq = graphene.ID(description="The value equal to.")
    one_of = graphene.List(graphene.NonNull(graphene.ID), description="The value included in.")


class DecimalRangeInput(graphene.InputObjectType):
    """Range of amounts (whole đồng here)."""

    gte = graphene.Decimal(description="Decimal value greater than or equal to.")
    lte = graphene.Decimal(description="Decimal value less than or equal to.")


class DecimalFilterInput(graphene.InputObjectType):
    """Define the filtering options for decimal fields."""

    eq = graphene.Decimal(description="The value equal to.")
    one_of = graphene.List(graphene.NonNull(graphene.Decimal), description="The value included in.")
    range = graphene.Field(DecimalRangeInput, description="The value in range.")


class PriceRangeInput(graphene.InputObjectType):
    """A price range in whole đồng."""

    gte = graphene.Float(description="Price greater than or equal to.")
    lte = graphene.Float(description="Price less than or equal to.")


def string_q(field: str, value: dict[str, Any] | None) -> Q:
    if not value:
        return Q()
    if value.get("eq") is not None:
        return Q(**{field: value["eq"]})
    if value.get("one_of") is not None:
        return Q(**{f"{field}__in": value["one_of"]})
    return Q()


def pks_of(global_ids: list[str], type_name: str) -> list[int]:
    """Primary keys inside ``global_ids``; a Saleor error when one is malformed."""
    pks = []
    for global_id in global_ids:
        pk = decode_id(global_id, type_name)
        if not pk.isdigit():
            raise GraphQLError(f"Couldn't resolve id: {global_id}.")
        pks.append(int(pk))
    return pks


def global_id_q(field: str, value: dict[str, Any] | None, type_name: str) -> Q:
    if not value:
        return Q()
    if value.get("eq") is not None:
        return Q(**{f"{field}__in": pks_of([value["eq"]], type_name)})
    if value.get("one_of") is not None:
        return Q(**{f"{field}__in": pks_of(value["one_of"], type_name)})
    return Q()


def decimal_q(field: str, value: dict[str, Any] | None) -> Q:
    if not value:
        return Q()
    if value.get("eq") is not None:
        return Q(**{field: value["eq"]})
    if value.get("one_of") is not None:
        return Q(**{f"{field}__in": value["one_of"]})
    condition = Q()
    bounds = value.get("range") or {}
    if bounds.get("gte") is not None:
        condition &= Q(**{f"{field}__gte": bounds["gte"]})
    if bounds.get("lte") is not None:
        condition &= Q(**{f"{field}__lte": bounds["lte"]})
    return condition


class IntRangeInput(graphene.InputObjectType):
    """Range of integers."""

    gte = graphene.Int(description="Value greater than or equal to.")
    lte = graphene.Int(description="Value less than or equal to.")


class DateTimeRangeInput(graphene.InputObjectType):
    """Range of date times."""

    gte = graphene.DateTime(description="Start date time.")
    lte = graphene.DateTime(description="End date time.")


class MetadataFilter(graphene.InputObjectType):
    """A metadata key, optionally with the value it must have."""

    key = graphene.String(required=True, description="Key of a metadata item.")
    value = graphene.String(description="Value of a metadata item.")


def range_q(field: str, value: dict[str, Any] | None) -> Q:
    """``gte``/``lte`` bounds of an IntRangeInput or DateTimeRangeInput on ``field``."""
    condition = Q()
    if not value:
        return condition
    if value.get("gte") is not None:
        condition &= Q(**{f"{field}__gte": value["gte"]})
    if value.get("lte") is not None:
        condition &= Q(**{f"{field}__lte": value["lte"]})
    return condition


def metadata_q(field: str, filters: list[dict[str, Any]] | None) -> Q:
    """Every MetadataFilter holds: the key is present (with the value, when given)."""
    condition = Q()
    for item in filters or ():
        if item.get("value") is None:
            condition &= Q(**{f"{field}__has_key": item["key"]})
        else:
            condition &= Q(**{f"{field}__contains": {item["key"]: item["value"]}})
    return condition
