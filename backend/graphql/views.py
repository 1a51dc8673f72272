"""The GraphQL endpoint: POST JSON executes, GET in a browser serves GraphiQL."""

from __future__ import annotations

import json
from typing import Any

import jwt
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView as GrapheneView

from backend.accounts.authentication import lazy_request_user


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

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # The JWT's user, never the cookie session (this view is CSRF-exempt).
        request.user = lazy_request_user(request)
        response = super().dispatch(request, *args, **kwargs)
        # Saleor answers malformed requests with 400 and a GraphQL error body; so do we.
        return response

    @staticmethod
    def format_error(error: Any) -> dict[str, Any]:
        formatted: dict[str, Any] = GrapheneView.format_error(error)
        original = getattr(error, "original_error", None)
        if isinstance(original, jwt.PyJWTError):
            # Saleor's shape: clients branch on the exception's name (ExpiredSignatureError...).
            formatted["extensions"] = {"exception": {"code": type(original).__name__}}
        return formatted
