"""The viewers' catalog stock answers kept between requests, per view and stock versions.

A catalog page shows each variant's stock per warehouse the viewer sees, its availability
and each product's. Reading them (which warehouses and how, two statements; the page's
stock and supply, one statement over millions of rows; the products' variants, one more)
and building ~2,000 answers cost about 14 ms of a 30 ms page, though stock changes in a
few warehouses at a time. So the process keeps, per *view*, what a page showed: the
warehouses and how they are shown, each variant's answers and each product's
availability. A later page of a viewer with the same view reads them: one query (the
versions below) instead of four, and no answer built.

The view is what decides the warehouses a viewer sees and how
(``visibility.warehouse_displays``): the active organization (its id and place in the
tree) and whether the viewer sees all stock. Every member of an organization shares it;
nothing about the user enters an answer (what a manager may change is not shown here).

Why a kept answer is never stale, nor another view's:

- **Stock versions** (migration 0002): a counter per warehouse, raised at the commit of
  any transaction that wrote its stock or incoming supply, and scope 0, raised by any
  change to the warehouses, the organizations' tree or the variants' products. A view's
  answers are kept under its *generation*: scope 0's version and those of the view's
  warehouses, read in one statement (``_STATE``) per request. A different generation, if
  newer in every part, drops the view's answers; an older one (a change committed during
  the request) neither reads nor keeps.
- **Read before the rows**: the versions are read first, the stock after, so a change
  committed in between gives newer answers under older versions, which the next request,
  reading the newer versions, drops.
- **A transaction that changed stock itself** (noted, not committed, versions not raised)
  neither reads nor keeps.
- **Keyed by the view**: two organizations never share answers, even with the same
  warehouses (their ranks and displays differ).

Per process (each gunicorn worker keeps its own), bounded by ``STOCK_CACHE_VARIANTS``
answers (whole views dropped, least recently read first); 0 turns keeping off.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from backend.core import request_reads
from backend.core.prepared import fetch_all

from ..visibility import sees_all_stock

# The versions of scope 0 and of the warehouses asked, and whether this transaction
# noted a stock change of its own (scope -1: 1 if so).
_STATE = (
    "SELECT scope, value FROM inventory_stock_version WHERE scope = ANY(%s) "
    "UNION ALL SELECT -1, CASE WHEN EXISTS (SELECT 1 FROM inventory_stock_change "
    "WHERE txid = txid_current_if_assigned()) THEN 1 ELSE 0 END")

# The same as one JSON value, read along with the other apps' reads of a query request
# (backend/core/request_reads): [{scope: version}, whether this transaction changed stock].
_SHARED_STATE = (
    "SELECT json_build_array(COALESCE((SELECT json_object_agg(scope, value) "
    "FROM inventory_stock_version WHERE scope = ANY(%s)), '{}'::json), "
    "EXISTS (SELECT 1 FROM inventory_stock_change WHERE txid = txid_current_if_assigned()))")

ViewKey = tuple[int, str, bool]
Generation = tuple[int, tuple[tuple[int, int], ...]]


def view_key(viewer) -> ViewKey:
    """What a viewer's view of stock depends on: its active organization, the
    organization's place in the tree, whether it sees all stock."""
    organization = viewer.organization
    return (int(organization.pk) if organization is not None else 0,
            organization.path if organization is not None else "", sees_all_stock(viewer))


def read_generation(warehouse_ids: Iterable[int], request=None) -> Generation | None:
    """Scope 0's version and the warehouses', in one statement (with ``request``, a query
    request: the one its apps share); None when this transaction changed stock itself
    (nothing may be read or kept)."""
    ids = sorted(warehouse_ids)
    if request is not None:
        versions, changed_here = request_reads.read(request, "stock", [[0, *ids]])
        values = {int(scope): value for scope, value in versions.items()}
    else:
        values = dict(fetch_all(_STATE, [[0, *ids]]))
        changed_here = values.pop(-1)
    if changed_here:
        return None
    return values.get(0, 0), tuple((pk, values.get(pk, 0)) for pk in ids)


def _state_params(request) -> list | None:
    """The scopes a query of this request would read: scope 0 and the warehouses of the
    viewer's kept view (None: no signed-in viewer, or nothing kept)."""
    viewer = getattr(request, "viewer", None)
    if viewer is None or not keeping() or not viewer.is_authenticated:
        return None
    kept = KEPT.view(view_key(viewer))
    return [[0, *sorted(kept.warehouses)]] if kept is not None else [[0]]


def _compare(new: Generation, old: Generation) -> int:
    """1: ``new`` was read after ``old``'s changes; -1: before; 0: the same; None when it
    cannot tell (the same scope 0 with other warehouses: the view changed in between).
    Versions only grow, and of two reads the later one sees every commit the earlier one
    saw, so a greater scope 0 (or, with the same warehouses, every version at least as
    great) means a later read."""
    if new == old:
        return 0
    if new[0] != old[0]:
        return 1 if new[0] > old[0] else -1
    if [pk for pk, _ in new[1]] != [pk for pk, _ in old[1]]:
        raise _Undecided
    return 1 if all(a >= b for (_, a), (_, b) in zip(new[1], old[1], strict=True)) else -1


class _Undecided(Exception):
    pass


@dataclass(slots=True)
class KeptView:
    """One view's warehouses and answers, of one generation."""

    generation: Generation
    displays: dict[int, str]
    warehouses: dict[int, Any]
    ranks: dict[int, tuple]
    # variant id -> (its stock answers, its availability, its stock rows, its supply rows)
    variants: dict[int, list] = field(default_factory=dict)
    products: dict[int, Any] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.variants) + len(self.products) + 1


class KeptStock:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._views: OrderedDict[ViewKey, KeptView] = OrderedDict()
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def clear(self) -> None:
        with self._lock:
            self._views.clear()
            self._size = 0

    def view(self, key: ViewKey) -> KeptView | None:
        with self._lock:
            kept = self._views.get(key)
            if kept is not None:
                self._views.move_to_end(key)
            return kept

    def start(self, key: ViewKey, view: KeptView) -> KeptView | None:
        """Keep ``view`` (no answers yet) for ``key`` unless the kept one is as new: the
        view to read and add to, or None (this request read older versions: it neither
        reads nor keeps)."""
        with self._lock:
            kept = self._views.get(key)
            if kept is not None:
                try:
                    order = _compare(view.generation, kept.generation)
                except _Undecided:
                    return None
                if order == 0:
                    self._views.move_to_end(key)
                    return kept
                if order < 0:
                    return None
                self._size -= kept.size
            self._views[key] = view
            self._views.move_to_end(key)
            self._size += view.size
            self._shrink(settings.STOCK_CACHE_VARIANTS, keep=key)
            return view

    def add(self, key: ViewKey, view: KeptView, variants: dict[int, list],
            products: dict[int, Any]) -> None:
        limit = settings.STOCK_CACHE_VARIANTS
        with self._lock:
            if self._views.get(key) is not view:
                return  # dropped or replaced meanwhile
            before = view.size
            view.variants.update(variants)
            view.products.update(products)
            self._size += view.size - before
            self._shrink(limit, keep=key)

    def _shrink(self, limit: int, keep: ViewKey | None = None) -> None:
        while self._size > limit and self._views:
            oldest = next(iter(self._views))
            if oldest == keep and len(self._views) == 1:
                break
            if oldest == keep:
                self._views.move_to_end(oldest)
                continue
            self._size -= self._views.pop(oldest).size


KEPT = KeptStock()


def keeping() -> bool:
    return settings.STOCK_CACHE_VARIANTS > 0


request_reads.register(request_reads.Part("stock", _SHARED_STATE, _state_params))
