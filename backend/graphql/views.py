"""The GraphQL endpoint: POST JSON executes, GET in a browser serves GraphiQL."""

from __future__ import annotations

from typing import Any

import jwt
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView as GrapheneView

from backend.accounts.authentication import lazy_request_user


class GraphQLView(GrapheneView):
    graphiql = True

    @classmethod
    def as_view(cls, **initkwargs: Any) -> Any:
        # Token-authenticated API: CSRF protects cookie sessions, which this endpoint does not use.
        return csrf_exempt(super().as_view(**initkwargs))

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
