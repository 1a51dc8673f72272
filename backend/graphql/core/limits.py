"""Validation rules that refuse too-deep or too-costly queries before they run.

Depth counts nested selections (fragments followed); introspection (``__schema``,
``__type``) is not counted so GraphiQL and code generators keep working. Cost counts every
field once per item its parents may return: a list field's ``first``/``last`` argument
multiplies its children (a variable counts as the maximum page size).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
)


def _fragments(rule: ValidationRule) -> dict[str, Any]:
    return {
        definition.name.value: definition
        for definition in rule.context.document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }


def _fields(
    selection_set: SelectionSetNode | None, fragments: dict[str, Any], seen: frozenset[str]
):  # type: ignore[no-untyped-def]
    """Fields of a selection set with fragments inlined (cycles are another rule's error)."""
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode):
            yield selection
        elif isinstance(selection, InlineFragmentNode):
            yield from _fields(selection.selection_set, fragments, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name in fragments and name not in seen:
                yield from _fields(fragments[name].selection_set, fragments, seen | {name})


def _depth(selection_set: SelectionSetNode | None, fragments: dict[str, Any]) -> int:
    deepest = 0
    for field in _fields(selection_set, fragments, frozenset()):
        if field.name.value.startswith("__"):
            continue
        deepest = max(deepest, 1 + _depth(field.selection_set, fragments))
    return deepest


def _multiplier(field: FieldNode) -> int:
    for argument in field.arguments or ():
        if argument.name.value in {"first", "last"}:
            if isinstance(argument.value, IntValueNode):
                return max(1, int(argument.value.value))
            return int(settings.GRAPHQL_MAX_PAGE_SIZE)
    return 1


def _cost(selection_set: SelectionSetNode | None, fragments: dict[str, Any]) -> int:
    total = 0
    for field in _fields(selection_set, fragments, frozenset()):
        if field.name.value.startswith("__"):
            continue
        total += 1 + _multiplier(field) * _cost(field.selection_set, fragments)
    return total


class QueryDepthRule(ValidationRule):
    def enter_operation_definition(self, node: OperationDefinitionNode, *_args: Any) -> None:
        depth = _depth(node.selection_set, _fragments(self))
        limit = settings.GRAPHQL_MAX_DEPTH
        if depth > limit:
            self.report_error(
                GraphQLError(
                    f"The query is nested {depth} levels deep; the maximum is {limit}.",
                    node,
                    extensions={"exception": {"code": "QueryTooDeep"}},
                )
            )


class QueryCostRule(ValidationRule):
    def enter_operation_definition(self, node: OperationDefinitionNode, *_args: Any) -> None:
        cost = _cost(node.selection_set, _fragments(self))
        limit = settings.GRAPHQL_MAX_COST
        if cost > limit:
            self.report_error(
                GraphQLError(
                    f"The query's cost is {cost}; the maximum is {limit}. "
                    "Ask for fewer items per page or fewer nested fields.",
                    node,
                    extensions={"exception": {"code": "QueryTooCostly"}},
                )
            )
