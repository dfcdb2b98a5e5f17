"""Per-request data loaders (batching) for synchronous graphene execution.

Loaders live on the request (``info.context``) so that one request shares one cache.
Subclass ``DataLoader`` with ``batch_load(keys) -> list`` (values in the keys' order).

Two ways of batching:

- Sibling batching (``siblings = ((Model, "attribute"), ...)``): when the key comes from a
  row this request has already produced (rows from connections and from other loaders
  are remembered), the first ``load`` loads the keys of all such rows at once (the rest of
  the page) and answers with a plain value. One query per relation per page, no futures.
- Otherwise (a key from an unremembered row), deferred batching: ``load`` returns a
  future, and the execution context dispatches every queued key of the loader together
  after the level is resolved.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import Model
from graphql_sync_dataloaders import SyncDataLoader, SyncFuture

from ..keyed_query import KeyedQuery

_MISSING = object()


def remember_rows(context, rows: Iterable[Any]) -> None:
    """Record model rows produced for this request, as siblings for later loads."""
    registry = context.__dict__.setdefault("_rows", defaultdict(list))
    for row in rows:
        if isinstance(row, Model):
            registry[row._meta.concrete_model].append(row)


def release(context) -> None:
    """Empty the request's loaders and forget its rows once it is answered. A loader and
    its request refer to each other (and a loader to itself, through its batch function):
    without this, every page's rows would wait in reference cycles for the garbage
    collector, which then walks them all, in the middle of a later request."""
    for loader in context.__dict__.pop("_dataloaders", {}).values():
        loader.release()
    context.__dict__.pop("_rows", None)


def _rows_of(context, model) -> list[Any]:
    return context.__dict__.get("_rows", {}).get(model, [])


class DataLoader(SyncDataLoader):
    context_key: str = ""
    siblings: tuple[tuple[type[Model], str], ...] = ()
    # False for a loader whose values are never model rows (prices, counts): its values
    # are not walked for rows to remember.
    remembers_rows = True

    def __new__(cls, context):
        # Called per resolved field (twice per variant on a priced page): one lookup when
        # the loader exists, no throwaway dict.
        loaders = context.__dict__.get("_dataloaders")
        if loaders is None:
            loaders = context.__dict__["_dataloaders"] = {}
        key = cls.context_key or cls.__name__
        loader = loaders.get(key)
        if loader is None:
            loader = loaders[key] = super().__new__(cls)
            loader._initialised = False
        return loader

    def __init__(self, context):
        if self._initialised:
            return
        self._initialised = True
        self.context = context
        self._values: dict[Any, Any] = {}
        super().__init__(self._load_and_remember)

    def batch_load(self, keys: list[Any]) -> list[Any]:
        raise NotImplementedError

    def release(self) -> None:
        self._values = {}
        self._cache = {}
        self._queue = []
        self.context = None

    def _load_and_remember(self, keys: list[Any]) -> list[Any]:
        values = self.batch_load(keys)
        if not self.remembers_rows:
            return values
        for value in values:
            remember_rows(self.context, value if isinstance(value, list) else [value])
        return values

    def prime(self, key: Any, value: Any) -> None:
        """Answer ``key`` with ``value`` from rows another loader has just read, unless it is
        answered already: a later ``load`` of it then reads nothing and pulls in no
        siblings."""
        self._values.setdefault(key, value)

    def load(self, key: Any) -> Any:
        """The value for ``key`` (a future while pending); ``None`` for no key, so a
        nullable foreign key resolves as ``Loader(context).load(row.fk_id)``."""
        if key is None:
            return None
        value = self._values.get(key, _MISSING)
        if value is not _MISSING:
            return value
        keys = {getattr(row, attribute) for model, attribute in self.siblings
                for row in _rows_of(self.context, model)}
        if key not in keys:
            return super().load(key)
        wanted = [k for k in keys if k is not None and k not in self._values]
        self._values.update(zip(wanted, self._load_and_remember(wanted), strict=True))
        return self._values[key]

    def load_then(self, key: Any, fn: Callable[[Any], Any]) -> Any:
        """``fn`` applied to the loaded value, as a future when the value is pending."""
        value = self.load(key)
        if not isinstance(value, SyncFuture):
            return fn(value)
        return self._chain([value], lambda values: fn(values[0]))

    def load_many(self, keys: list[Any]) -> Any:
        """The loaded values of ``keys`` in order, as one future when any is pending."""
        return self._chain([self.load(key) for key in keys], list)

    def _chain(self, results: list[Any], fn: Callable[[list[Any]], Any]) -> Any:
        futures = [r for r in results if isinstance(r, SyncFuture)]
        pending = [f for f in futures if not f.done()]

        def values() -> list[Any]:
            return [r.result() if isinstance(r, SyncFuture) else r for r in results]

        if not pending:
            return fn(values())
        derived = SyncFuture()
        derived.deferred_callback = self.dispatch_queue
        remaining = [len(pending)]

        def on_done() -> None:
            remaining[0] -= 1
            if remaining[0]:
                return
            try:
                derived.set_result(fn(values()))
            except Exception as exc:  # handed to the executor, which reports it
                derived.set_exception(exc)

        for future in pending:
            future.add_done_callback(on_done)
        return derived


_visibility: dict[type[Model], Callable[[Any], Any]] = {}
_every_row_by_pk: dict[tuple[type[Model], Any], KeyedQuery] = {}


def register_visibility(model: type[Model], visible: Callable[[Any], Any]) -> None:
    """Record ``visible`` (``(viewer) -> QuerySet``) as the visibility of ``model``'s rows:
    its node type's ``Meta.visible``. One model, one visibility."""
    known = _visibility.setdefault(model, visible)
    if known is not visible:
        raise TypeError(f"{model.__name__} has two visibility functions: {known.__name__} "
                        f"and {visible.__name__}")


def visible_rows_by_pk(model: type[Model], viewer, keys: list[Any]) -> dict[Any, Any]:
    """``{pk: row}`` of the rows of ``model`` among ``keys`` that ``viewer`` may see, by the
    visibility of ``model``'s node type. When the viewer may see every row (an unfiltered
    queryset), a query compiled once per shape answers; otherwise the visible queryset."""
    try:
        visible = _visibility[model]
    except KeyError:
        raise TypeError(f"No node type declares the visibility of {model.__name__} "
                        "rows: a by-id loader cannot load them") from None
    queryset = visible(viewer)
    query = queryset.query
    if (query.where or query.select_related or query.annotations or query.distinct
            or query.extra or query.is_sliced):
        return rows_by_pk(queryset, keys)
    shape = (model, query.deferred_loading)
    compiled = _every_row_by_pk.get(shape)
    if compiled is None:
        every_row = queryset.all()
        compiled = _every_row_by_pk[shape] = KeyedQuery(lambda: every_row, "pk")
    return {row.pk: row for row in compiled.rows(keys)}


class ByIdLoader(DataLoader):
    """Rows of ``model`` by primary key, among the rows the viewer may see (the visibility
    its node type declares in ``Meta.visible``); ``None`` for a key with no row or a row
    the viewer may not see. Every nested relation loads through one, so a nested field
    cannot return a row that ``node(id:)`` refuses."""

    model: type[Model]

    def batch_load(self, keys):
        rows = visible_rows_by_pk(self.model, self.context.viewer, keys)
        return [rows.get(key) for key in keys]


def rows_by_pk(queryset, keys: Iterable[Any]) -> dict[Any, Any]:
    """``{pk: row}`` for the rows of ``queryset`` among ``keys`` (one array parameter;
    see ``backend.core.lookups``)."""
    return {row.pk: row for row in queryset.filter(pk__any=list(keys))}


def group_by(rows: Iterable[Any], key: str) -> dict[Any, list[Any]]:
    grouped: dict[Any, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[getattr(row, key)].append(row)
    return grouped
