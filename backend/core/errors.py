"""The one error type domain code raises besides Django's ValidationError.

Only ``backend/graphql`` turns these into ``errors { field code message }``; views turn
them into form errors. Codes are stable strings from each app's ``error_codes.py``.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    def __init__(
        self,
        code: str,
        message: str,
        *,
        field: str | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.params = params or {}


class NotFound(DomainError):  # noqa: N818  (reads as the outcome, like Django's Http404)
    """The object does not exist *for this actor*: never reveals that it exists for others."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__("NOT_FOUND", message, field=field)


class PermissionDenied(DomainError):  # noqa: N818
    """The actor may not do this at all (a top-level GraphQL error, as in Saleor)."""

    def __init__(self, message: str = "You do not have permission to perform this action") -> None:
        super().__init__("PERMISSION_DENIED", message)
