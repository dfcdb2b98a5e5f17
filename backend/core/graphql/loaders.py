"""Per-request data loaders (batching) for synchronous graphene execution.

Loaders live on the request (``info.context``) so that one request shares one cache.
Subclass ``DataLoader`` with ``context_key`` and ``batch_load(keys) -> list``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from graphql_sync_dataloaders import SyncDataLoader


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


def group_by(rows: Iterable[Any], key: str) -> dict[Any, list[Any]]:
    grouped: dict[Any, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[getattr(row, key)].append(row)
    return grouped
