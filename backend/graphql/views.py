"""The GraphQL endpoint: POST JSON executes, GET in a browser serves GraphiQL."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView as GrapheneView
from graphene_django.views import HttpError


def _whole_floats_as_ints(value: Any) -> Any:
    """VND amounts are whole: render 85000.0 as 85000 (the same JSON number, no fraction)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _whole_floats_as_ints(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_whole_floats_as_ints(item) for item in value]
    return value


def _bad_request(message: str) -> HttpError:
    return HttpError(HttpResponseBadRequest(message))


def multipart_operations(request: HttpRequest) -> dict[str, Any]:
    """The operation of a GraphQL multipart request, with its files put into the variables.

    Implements https://github.com/jaydenseric/graphql-multipart-request-spec (single
    operations): ``operations`` is the JSON body, ``map`` says which file part replaces
    which null variable, e.g. ``{"0": ["variables.input.file"]}``.
    """
    try:
        operations = json.loads(request.POST["operations"])
        file_map = json.loads(request.POST.get("map") or "{}")
    except (KeyError, ValueError) as exc:
        raise _bad_request("Invalid multipart request: operations and map must be JSON.") from exc
    if not isinstance(operations, dict) or not isinstance(file_map, dict):
        raise _bad_request("Invalid multipart request: batched operations are not supported.")
    for key, paths in file_map.items():
        if key not in request.FILES:
            raise _bad_request(f"Invalid multipart request: no file part named {key!r}.")
        if not isinstance(paths, list):
            raise _bad_request("Invalid multipart request: map values must be lists.")
        for path in paths:
            _put(operations, str(path), request.FILES[key])
    return operations


def _put(operations: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    if parts[0] != "variables" or len(parts) < 2:
        raise _bad_request(f"Invalid multipart request: {path!r} is not a variable path.")
    target: Any = operations
    try:
        for part in parts[:-1]:
            target = target[int(part)] if isinstance(target, list) else target[part]
        last: Any = int(parts[-1]) if isinstance(target, list) else parts[-1]
        if target[last] is not None:
            raise _bad_request(f"Invalid multipart request: {path!r} must be null.")
        target[last] = value
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise _bad_request(f"Invalid multipart request: no variable at {path!r}.") from exc


class GraphQLView(GrapheneView):
    graphiql = True

    @classmethod
    def as_view(cls, **initkwargs: Any) -> Any:
        # Token-authenticated API: CSRF protects cookie sessions, which this endpoint does not use.
        return csrf_exempt(super().as_view(**initkwargs))

    def parse_body(self, request: HttpRequest) -> Any:
        if self.get_content_type(request) == "multipart/form-data" and "operations" in request.POST:
            return multipart_operations(request)
        return super().parse_body(request)

    def json_encode(self, request: Any, d: Any, pretty: bool = False) -> str:
        data = _whole_floats_as_ints(d)
        if not (self.pretty or pretty) and not request.GET.get("pretty"):
            return json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        return json.dumps(
            data, sort_keys=True, indent=2, separators=(",", ": "), ensure_ascii=False
        )
