"""Tenant scoping for producer-owned data (pretix's scopes, made small).

``Model.objects`` of a producer-owned model returns a queryset that refuses to run until it
is scoped: ``.for_user(user)`` (what that user may see), ``.public()`` (what anyone may see)
or, for system code that has already decided access (Celery tasks, the demo loader, staff
services after their permission check), ``.unscoped()``. An accidental
``Producer.objects.filter(...)`` therefore fails loudly in development and tests instead of
leaking another producer's rows. Django's internals (uniqueness checks, related managers,
the admin) use the plain ``_default_manager`` named in each model's Meta.
"""

from __future__ import annotations

from typing import Any, Self, TypeVar

from django.db import models

_M = TypeVar("_M", bound=models.Model)


class UnscopedQueryError(RuntimeError):
    """A producer-owned queryset was evaluated without ``for_user``/``public``/``unscoped``."""


class ScopedQuerySet(models.QuerySet[_M]):
    _scoped: bool = False

    def _scope(self, queryset: models.QuerySet[_M]) -> Self:
        scoped = queryset._chain()  # type: ignore[attr-defined]
        scoped._scoped = True
        return scoped  # type: ignore[no-any-return]

    def unscoped(self) -> Self:
        """For code that has decided access itself; keep its uses few and obvious."""
        return self._scope(self)

    def _require_scope(self) -> None:
        if not self._scoped:
            raise UnscopedQueryError(
                f"{self.model.__name__} rows are producer data: scope the query with "
                ".for_user(user), .public() or, in system code, .unscoped()."
            )

    def _clone(self) -> Self:
        clone = super()._clone()  # type: ignore[misc]
        clone._scoped = self._scoped
        return clone  # type: ignore[no-any-return]

    def _fetch_all(self) -> None:
        self._require_scope()
        super()._fetch_all()  # type: ignore[misc]

    def count(self) -> int:
        self._require_scope()
        return super().count()

    def exists(self) -> bool:
        self._require_scope()
        return super().exists()

    def aggregate(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        self._require_scope()
        return super().aggregate(*args, **kwargs)

    def iterator(self, chunk_size: int | None = None) -> Any:
        self._require_scope()
        return super().iterator(chunk_size=chunk_size)

    def update(self, **kwargs: Any) -> int:
        self._require_scope()
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        self._require_scope()
        return super().delete()


class AppendOnlyQuerySet(models.QuerySet[_M]):
    """History rows are written once: bulk updates and deletes are refused."""

    def update(self, **kwargs: Any) -> int:
        raise TypeError(f"{self.model.__name__} rows are append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise TypeError(f"{self.model.__name__} rows are append-only.")
