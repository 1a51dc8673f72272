"""Saleor's ``JSON`` and ``PositiveDecimal`` scalars (amounts are whole đồng here)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import graphene
from graphene.types.generic import GenericScalar
from graphql import GraphQLError
from graphql.language import ast


class JSON(GenericScalar):
    """Arbitrary JSON: an object, list, string, number, boolean or null."""


class PositiveDecimal(graphene.Scalar):
    """A non-negative decimal number; for VND it must also be a whole number of đồng."""

    @staticmethod
    def serialize(value: Any) -> Any:
        return value

    @staticmethod
    def parse_value(value: Any) -> Decimal:
        try:
            number = Decimal(str(value))
        except InvalidOperation as exc:
            raise GraphQLError(f"PositiveDecimal cannot represent {value!r}.") from exc
        if not number.is_finite() or number < 0:
            raise GraphQLError(f"PositiveDecimal cannot represent {value!r}.")
        return number

    @staticmethod
    def parse_literal(node: Any, _variables: Any = None) -> Decimal:
        if isinstance(node, ast.IntValueNode | ast.FloatValueNode | ast.StringValueNode):
            return PositiveDecimal.parse_value(node.value)
        raise GraphQLError("PositiveDecimal must be a number.")
