"""Per-request batch loaders for a synchronous schema.

A resolver that lists objects registers their keys in a pool (``register``); the first
``load`` of any key then fetches every pooled key at once and caches the results for the
rest of the request. A page of N products costs one query per loader, not N.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any, ClassVar, Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_STATE = "_ocop_dataloaders"


def _state(context: Any) -> dict[str, Any]:
    state = getattr(context, _STATE, None)
    if state is None:
        state = {"pools": {}, "loaders": {}}
        setattr(context, _STATE, state)
    return state


def register(context: Any, pool: str, keys: Iterable[Hashable]) -> None:
    """Announce keys that resolvers are about to load, so they are fetched together."""
    _state(context)["pools"].setdefault(pool, set()).update(keys)


class DataLoader(Generic[K, V]):
    """Subclasses set ``pool``, implement ``batch_load`` and may override ``missing``."""

    pool: ClassVar[str]

    def __init__(self, context: Any, *params: Any) -> None:
        self.context = context
        self.params: tuple[Any, ...] = params
        self.cache: dict[K, V] = {}

    @classmethod
    def for_request(cls, context: Any, *params: Hashable) -> DataLoader[K, V]:
        loaders = _state(context)["loaders"]
        key = (cls, params)
        if key not in loaders:
            loaders[key] = cls(context, *params)
        return loaders[key]  # type: ignore[no-any-return]

    def batch_load(self, keys: list[K]) -> dict[K, V]:
        raise NotImplementedError

    def missing(self) -> Any:
        """The value of a key ``batch_load`` found nothing for."""
        return None

    def load(self, key: K) -> V:
        if key not in self.cache:
            pooled = _state(self.context)["pools"].get(self.pool, set())
            keys = [k for k in pooled if k not in self.cache]
            if key not in keys:
                keys.append(key)
            found = self.batch_load(keys)
            for k in keys:
                self.cache[k] = found[k] if k in found else self.missing()
        return self.cache[key]
