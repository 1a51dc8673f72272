"""The GraphQL endpoint: POST JSON executes, GET in a browser serves GraphiQL."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView as GrapheneView


class GraphQLView(GrapheneView):
    graphiql = True

    @classmethod
    def as_view(cls, **initkwargs: Any) -> Any:
        # Token-authenticated API: CSRF protects cookie sessions, which this endpoint does not use.
        return csrf_exempt(super().as_view(**initkwargs))

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().dispatch(request, *args, **kwargs)
        # Saleor answers malformed requests with 400 and a GraphQL error body; so do we.
        return response
