"""The GraphQL endpoint: POST JSON executes, GET in a browser serves GraphiQL."""

from __future__ import annotations

import json
from typing import Any

from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView as GrapheneView


def _whole_floats_as_ints(value: Any) -> Any:
    """VND amounts are whole: render 85000.0 as 85000 (the same JSON number, no fraction)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _whole_floats_as_ints(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_whole_floats_as_ints(item) for item in value]
    return value


class GraphQLView(GrapheneView):
    graphiql = True

    @classmethod
    def as_view(cls, **initkwargs: Any) -> Any:
        # Token-authenticated API: CSRF protects cookie sessions, which this endpoint does not use.
        return csrf_exempt(super().as_view(**initkwargs))

    def json_encode(self, request: Any, d: Any, pretty: bool = False) -> str:
        data = _whole_floats_as_ints(d)
        if not (self.pretty or pretty) and not request.GET.get("pretty"):
            return json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        return json.dumps(
            data, sort_keys=True, indent=2, separators=(",", ": "), ensure_ascii=False
        )
