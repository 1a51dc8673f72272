"""Saleor's ``PositiveInt`` scalar: an integer greater than zero."""

from __future__ import annotations

from typing import Any

import graphene
from graphql import GraphQLError
from graphql.language import ast


class PositiveInt(graphene.Scalar):
    """Positive integer (greater than 0)."""

    @staticmethod
    def serialize(value: Any) -> Any:
        return value

    @staticmethod
    def parse_value(value: Any) -> int:
        # bool is an int in Python; a JSON true is not a number here.
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise GraphQLError(f"PositiveInt cannot represent {value!r}: it must be above 0.")
        return value

    @staticmethod
    def parse_literal(node: Any, _variables: Any = None) -> int:
        if isinstance(node, ast.IntValueNode):
            return PositiveInt.parse_value(int(node.value))
        raise GraphQLError("PositiveInt must be an integer above 0.")
