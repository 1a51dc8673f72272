"""The GraphQL endpoint: POST JSON executes, GET in a browser serves GraphiQL.

Before any parsing: a body-size cap (413) and a per-client rate limit (429), both with a
GraphQL error body. Parsed and validated documents are cached by the query text's hash
(parsing and validation are about half of a small query's time), and validation adds
depth and cost limits.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from typing import Any

import jwt
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView as GrapheneView
from graphene_django.views import HttpError
from graphql import (
    DocumentNode,
    ExecutionResult,
    GraphQLError,
    OperationType,
    execute,
    get_operation_ast,
    parse,
    specified_rules,
    validate,
)

from backend.accounts.authentication import lazy_request_user
from backend.core.ratelimit import RateLimit, client_ip, rate_limit_hit
from backend.graphql.core import response_cache
from backend.graphql.core.limits import QueryCostRule, QueryDepthRule
from backend.graphql.core.multipart import multipart_operations

VALIDATION_RULES = (*specified_rules, QueryDepthRule, QueryCostRule)
DOCUMENT_CACHE_SIZE = 1000
# GraphiQL loads from jsDelivr and runs inline scripts; the rest of the site does not.
GRAPHIQL_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https:; "
    "connect-src 'self'; frame-ancestors 'none'"
)


class DocumentCache:
    """A thread-safe LRU of ``sha256(query) -> (document, validation errors)``."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[str, tuple[DocumentNode, list[GraphQLError]]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple[DocumentNode, list[GraphQLError]] | None:
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def put(self, key: str, value: tuple[DocumentNode, list[GraphQLError]]) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


document_cache = DocumentCache(DOCUMENT_CACHE_SIZE)


def error_response(status: int, code: str, message: str, **headers: str) -> HttpResponse:
    body = {"errors": [{"message": message, "extensions": {"exception": {"code": code}}}]}
    response = HttpResponse(json.dumps(body), status=status, content_type="application/json")
    for name, value in headers.items():
        response[name] = value
    return response


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

    def parse_body(self, request: HttpRequest) -> Any:
        if self.get_content_type(request) == "multipart/form-data" and "operations" in request.POST:
            return multipart_operations(request)
        return super().parse_body(request)

    @staticmethod
    def format_error(error: Any) -> dict[str, Any]:
        formatted: dict[str, Any] = GrapheneView.format_error(error)
        original = getattr(error, "original_error", None)
        if isinstance(original, jwt.PyJWTError):
            # Saleor's shape: clients branch on the exception's name (ExpiredSignatureError...).
            formatted["extensions"] = {"exception": {"code": type(original).__name__}}
        return formatted

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # The JWT's user, never the cookie session (this view is CSRF-exempt).
        request.user = lazy_request_user(request)
        refusal = self._refusal(request)
        if refusal is not None:
            return refusal
        response = super().dispatch(request, *args, **kwargs)
        if response.get("Content-Type", "").startswith("text/html"):
            response["Content-Security-Policy"] = GRAPHIQL_CSP
        return response

    def _refusal(self, request: HttpRequest) -> HttpResponse | None:
        limit = settings.GRAPHQL_MAX_BODY_BYTES
        too_big = error_response(
            413,
            "RequestTooLarge",
            f"The request body is larger than the maximum of {limit} bytes.",
        )
        try:
            if int(request.META.get("CONTENT_LENGTH") or 0) > limit:
                return too_big
        except ValueError:
            return error_response(400, "BadRequest", "Invalid Content-Length header.")
        if settings.GRAPHQL_RATE_LIMIT:
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                client = f"user:{user.pk}"
            else:
                address = client_ip(request.META, trusted_proxy_count=settings.TRUSTED_PROXY_COUNT)
                client = f"ip:{address}"
            result = rate_limit_hit(
                f"graphql:{client}", RateLimit.parse(settings.GRAPHQL_RATE_LIMIT)
            )
            if not result.allowed:
                return error_response(
                    429,
                    "TooManyRequests",
                    f"Too many requests; try again in {result.retry_after_seconds} seconds.",
                    **{"Retry-After": str(result.retry_after_seconds)},
                )
        try:
            request.body  # noqa: B018  (reads the body now, so the size cap applies here)
        except RequestDataTooBig:
            return too_big
        return None

    def get_response(
        self, request: HttpRequest, data: Any, show_graphiql: bool = False
    ) -> tuple[str | None, int]:
        key = self._response_cache_key(request, data, show_graphiql)
        if key is not None:
            cached = cache.get(key)
            if cached is not None:
                return cached, 200
        result, status_code = super().get_response(request, data, show_graphiql)
        if key is None:  # the first request of a query text parses it only now
            key = self._response_cache_key(request, data, show_graphiql)
        if key is not None and status_code == 200 and result and '"errors"' not in result:
            cache.set(key, result, response_cache.timeout())
        return result, status_code

    def _response_cache_key(
        self, request: HttpRequest, data: Any, show_graphiql: bool
    ) -> str | None:
        """The cache key of an anonymous, cacheable catalogue read, else None."""
        if show_graphiql or response_cache.timeout() <= 0:
            return None
        if request.META.get("HTTP_AUTHORIZATION") or request.user.is_authenticated:
            return None
        query, variables, operation_name, _id = self.get_graphql_params(request, data)
        if not query:
            return None
        limits = f"{settings.GRAPHQL_MAX_DEPTH}:{settings.GRAPHQL_MAX_COST}:"
        parsed = document_cache.get(hashlib.sha256((limits + query).encode("utf-8")).hexdigest())
        if parsed is None or parsed[1]:  # not parsed yet (first request), or invalid
            return None
        cacheability = response_cache.cacheability(parsed[0], operation_name, variables)
        if cacheability is response_cache.Cacheability.NO:
            return None
        return response_cache.response_key(
            query=query,
            variables=variables,
            operation_name=operation_name,
            language=translation.get_language() or settings.LANGUAGE_CODE,
            with_stock=cacheability is response_cache.Cacheability.STOCK,
        )

    def execute_graphql_request(
        self,
        request: HttpRequest,
        data: Any,
        query: str | None,
        variables: Any,
        operation_name: str | None,
        show_graphiql: bool = False,
    ) -> ExecutionResult | None:
        if not query:
            if show_graphiql:
                return None
            raise HttpError(error_response(400, "BadRequest", "Must provide query string."))
        schema = self.schema.graphql_schema
        # The limits are part of the key: validation results depend on them.
        limits = f"{settings.GRAPHQL_MAX_DEPTH}:{settings.GRAPHQL_MAX_COST}:"
        key = hashlib.sha256((limits + query).encode("utf-8")).hexdigest()
        cached = document_cache.get(key)
        if cached is None:
            try:
                document = parse(query)
            except GraphQLError as exc:
                return ExecutionResult(errors=[exc])
            cached = (document, validate(schema, document, VALIDATION_RULES, max_errors=50))
            document_cache.put(key, cached)
        document, validation_errors = cached
        operation_ast = get_operation_ast(document, operation_name)
        if (
            request.method == "GET"
            and operation_ast is not None
            and operation_ast.operation != OperationType.QUERY
        ):
            if show_graphiql:
                return None
            raise HttpError(
                error_response(405, "MethodNotAllowed", "Mutations must be sent with POST.")
            )
        if validation_errors:
            return ExecutionResult(data=None, errors=validation_errors)
        options: dict[str, Any] = {
            "root_value": self.get_root_value(request),
            "context_value": self.get_context(request),
            "variable_values": variables,
            "operation_name": operation_name,
            "middleware": self.get_middleware(request),
        }
        try:
            if (
                operation_ast is not None
                and operation_ast.operation == OperationType.MUTATION
                and connection.settings_dict.get("ATOMIC_MUTATIONS", False) is True
            ):
                with transaction.atomic():
                    return execute(schema, document, **options)  # type: ignore[return-value]
            return execute(schema, document, **options)  # type: ignore[return-value]
        except Exception as exc:  # an unexpected resolver error must still be a GraphQL body
            return ExecutionResult(errors=[GraphQLError(str(exc), original_error=exc)])
