"""Public key set for verifying the API's tokens (``/.well-known/jwks.json``)."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from backend.accounts import jwt_tokens


@require_GET
@cache_control(public=True, max_age=3600)
def jwks(request: HttpRequest) -> JsonResponse:
    return JsonResponse(jwt_tokens.jwks())
