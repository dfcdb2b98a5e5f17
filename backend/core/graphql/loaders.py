"""Per-request data loaders (batching) for synchronous graphene execution.

Loaders live on the request (``info.context``) so that one request shares one cache.
Subclass ``DataLoader`` with ``context_key`` and ``batch_load(keys) -> list``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from graphql_sync_dataloaders import SyncDataLoader, SyncFuture


class DataLoader(SyncDataLoader):
    context_key: str = ""

    def __new__(cls, context):
        loaders = context.__dict__.setdefault("_dataloaders", {})
        key = cls.context_key or cls.__name__
        if key not in loaders:
            loader = super().__new__(cls)
            loader._initialised = False
            loaders[key] = loader
        return loaders[key]

    def __init__(self, context):
        if self._initialised:
            return
        self._initialised = True
        self.context = context
        super().__init__(self.batch_load)

    def batch_load(self, keys: list[Any]) -> list[Any]:
        raise NotImplementedError

    def load_then(self, key: Any, fn: Callable[[Any], Any]) -> Any:
        """``fn`` applied to the loaded value, as a future when the value is pending."""
        return self._chain([self.load(key)], lambda values: fn(values[0]))

    def load_many(self, keys: list[Any]) -> Any:
        """The loaded values of ``keys`` in order, as one future when any is pending."""
        return self._chain([self.load(key) for key in keys], list)

    def _chain(self, futures: list[SyncFuture], fn: Callable[[list[Any]], Any]) -> Any:
        pending = [f for f in futures if not f.done()]
        if not pending:
            return fn([f.result() for f in futures])
        derived = SyncFuture()
        derived.deferred_callback = self.dispatch_queue
        remaining = [len(pending)]

        def on_done() -> None:
            remaining[0] -= 1
            if remaining[0]:
                return
            try:
                derived.set_result(fn([f.result() for f in futures]))
            except Exception as exc:  # handed to the executor, which reports it
                derived.set_exception(exc)

        for future in pending:
            future.add_done_callback(on_done)
        return derived


def group_by(rows: Iterable[Any], key: str) -> dict[Any, list[Any]]:
    grouped: dict[Any, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[getattr(row, key)].append(row)
    return grouped
