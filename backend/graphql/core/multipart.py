"""The GraphQL multipart request spec, for file uploads (Saleor's ``Upload`` scalar)."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponseBadRequest
from graphene_django.views import HttpError


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
