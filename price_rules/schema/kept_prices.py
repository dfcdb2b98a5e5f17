"""The viewers' shown prices kept between requests, per (buyer, rules version, day).

A catalog page shows each variant's price at its minimum order (with its next tier and
promotions) and its tiers. Resolving them, ``load_price_context`` and the engine, took
about 30 ms of CPU for a page of 500 variants on every request, though they change only
when the rules do. So the process keeps what a page shows (the ``VariantPrice`` and
``PriceTier`` objects ``PriceBook.walk`` builds, never changed once built) and a later
page of the same buyer reads them: a page of kept prices costs one query (the state below)
and no resolution; a page with variants not kept yet resolves just those, as before.

Why a kept price is never stale, nor another buyer's:

- **Keyed by the buyer**, the viewer's active organization: a member who switches
  organization asks under the other key; nothing about the user enters a price.
- **The rules version** of ``stored_keys`` (raised at the commit of any transaction that
  wrote a table a price reads, by database triggers) is read once per batch, with the
  buyer's own row (``_STATE``). The process keeps the answers of one version and one day
  only: reading a newer one drops them all; a request that read an older one (a change
  committed during it) neither reads nor keeps.
- **The day** is part of the key (promotions and list dates change prices at midnight).
- **Never older rules under a newer version**: the rules are loaded after the version is
  read, by a price book loaded for this batch (never one loaded earlier in the request).
  A change committed in between gives newer prices under the older version, which the
  next request, reading the newer version, drops.
- **The buyer's row as the request loaded it** (its path, currency and region price it)
  must equal the row read with the version; if it changed since, nothing is kept.
- **A transaction that changed prices itself** (not committed, the version not raised yet)
  neither reads nor keeps: it resolves as before.

Per process (each gunicorn worker keeps its own), bounded by ``PRICE_CACHE_VARIANTS``
(least recently read dropped first); 0 turns keeping off.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from backend.accounts.models import Organization
from backend.core import request_reads
from backend.core.prepared import fetch_all

from ..buyers import viewer_buyer
from ..stored_keys import CHANGES, VERSION
from .viewer_prices import (
    PriceBook,
    PriceTier,
    PriceWalk,
    VariantPrice,
    new_price_book,
    price_book,
)

Walk = PriceWalk
Generation = tuple[int, date]

# The rules version, whether this transaction changed prices itself, and the buyer's row.
_STATE_COLUMNS = (f"v.value, EXISTS (SELECT 1 FROM {CHANGES} c WHERE c.txid = "
                  "txid_current_if_assigned()), o.path, o.currency, o.region")
_STATE_FROM = f"FROM {VERSION} v, accounts_organization o WHERE v.id = 1 AND o.id = %s"
_STATE = f"SELECT {_STATE_COLUMNS} {_STATE_FROM}"


def _state_params(request) -> list | None:
    """The buyer whose prices a query of this request would read (None: none, or nothing
    kept), for ``request_reads``: the state is read along with the other apps' reads."""
    viewer = getattr(request, "viewer", None)
    if settings.PRICE_CACHE_VARIANTS <= 0 or viewer is None:
        return None
    buyer = viewer_buyer(viewer)
    return None if buyer is None else [buyer.pk]


# A query's state is read in one statement with the other apps' (backend/core/request_reads)
request_reads.register(request_reads.Part(
    "prices", f"SELECT json_build_array({_STATE_COLUMNS}) {_STATE_FROM}", _state_params))

# Quantities kept per variant: the minimum order, and a few a client asked explicitly.
_QUANTITIES_PER_VARIANT = 4


class KeptPrices:
    """Walks per (buyer, variant) and quantity, of one generation (rules version, day);
    and per buyer, each variant's first walk kept (at its minimum order, as a catalog page
    asks first), for a query to read with one lookup (``firsts_of``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._generation: Generation | None = None
        self._walks: OrderedDict[tuple[int, int], dict[Decimal, Walk]] = OrderedDict()
        self._firsts: dict[int, dict[int, Walk]] = {}

    def __len__(self) -> int:
        return len(self._walks)

    def clear(self) -> None:
        with self._lock:
            self._drop()
            self._generation = None

    def _drop(self) -> None:
        """Drop every walk (under the lock). The mappings are emptied in place: a request
        reading them without the lock then finds nothing and resolves as usual."""
        self._walks.clear()
        for firsts in self._firsts.values():
            firsts.clear()
        self._firsts = {}

    def walks_of(self, generation: Generation) -> OrderedDict | None:
        """The kept walks when they are of ``generation``, for a request to read without
        the lock (each key's walks are only ever added to; a newer generation replaces
        nothing in place: it clears the mapping, and such a reader then finds nothing and
        resolves as usual). None for another generation."""
        with self._lock:
            return self._walks if self._generation == generation else None

    def firsts_of(self, generation: Generation, buyer_id: int) -> dict[int, Walk] | None:
        """The buyer's first walk of each variant when they are of ``generation`` (read
        without the lock, as ``walks_of``; a walk there is the one kept for its variant at
        ``walk.quantity``), None for another generation or none kept."""
        with self._lock:
            return self._firsts.get(buyer_id) if self._generation == generation else None

    def take(self, generation: Generation, buyer_id: int,
             variant_ids: list[int]) -> dict[int, dict[Decimal, Walk]] | None:
        """The kept walks of these variants; None when ``generation`` is older than the
        kept one (nothing may be read or kept under it)."""
        with self._lock:
            if self._generation is None or generation > self._generation:
                self._drop()
                self._generation = generation
            elif generation != self._generation:
                return None
            found = {}
            for variant_id in variant_ids:
                key = (buyer_id, variant_id)
                walks = self._walks.get(key)
                if walks is not None:
                    self._walks.move_to_end(key)
                    found[variant_id] = walks
            return found

    def keep(self, generation: Generation, buyer_id: int, variant_id: int,
             quantity: Decimal, walk: Walk, limit: int) -> None:
        with self._lock:
            if generation != self._generation:
                return
            walks = self._walks.get((buyer_id, variant_id))
            if walks is None:
                walks = self._walks[(buyer_id, variant_id)] = {}
                self._firsts.setdefault(buyer_id, {})[variant_id] = walk
                while len(self._walks) > limit:
                    (dropped_buyer, dropped), _ = self._walks.popitem(last=False)
                    firsts = self._firsts.get(dropped_buyer)
                    if firsts is not None:
                        firsts.pop(dropped, None)
            if len(walks) < _QUANTITIES_PER_VARIANT:
                walks[quantity] = walk


KEPT = KeptPrices()


class KeptPriceBook:
    """A batch's prices: read from ``KEPT``, the others resolved once and kept."""

    __slots__ = ("_book", "_buyer", "_found", "_generation", "_limit", "_request",
                 "_variant_ids")

    def __init__(self, request, buyer: Organization, variant_ids: list[int],
                 generation: Generation, found: dict[int, dict[Decimal, Walk]],
                 limit: int) -> None:
        self._request = request
        self._buyer = buyer
        self._variant_ids = variant_ids
        self._generation = generation
        self._found = found
        self._book: PriceBook | None = None
        self._limit = limit

    # ``price`` and ``tiers`` read a kept walk inline: a page asks both of every variant.
    def price(self, variant_id: int, quantity: Decimal) -> VariantPrice | None:
        walks = self._found.get(variant_id)
        walk = None if walks is None else walks.get(quantity)
        return (walk or self.walk(variant_id, quantity))[0]

    def tiers(self, variant_id: int, quantity: Decimal) -> list[PriceTier]:
        walks = self._found.get(variant_id)
        walk = None if walks is None else walks.get(quantity)
        return (walk or self.walk(variant_id, quantity))[1]

    def walk(self, variant_id: int, quantity: Decimal) -> Walk:
        walks = self._found.get(variant_id)
        if walks is not None:
            walk = walks.get(quantity)
            if walk is not None:
                return walk
        walk = self._resolving(variant_id).walk(variant_id, quantity)
        KEPT.keep(self._generation, self._buyer.pk, variant_id, quantity, walk, self._limit)
        return walk

    def _resolving(self, variant_id: int) -> PriceBook:
        """A book loaded for this batch: first for the variants not kept at all, then (a
        kept variant asked at another quantity) for the whole batch; two at most."""
        book = self._book
        if book is None or not book.covers((variant_id,)):
            missing = [v for v in self._variant_ids if v not in self._found]
            wanted = missing if book is None and variant_id in missing else self._variant_ids
            book = self._book = new_price_book(self._request, self._buyer, wanted,
                                               self._generation[1])
        return book


def _generation(request, buyer: Organization, *, once: bool = False) -> Generation | None:
    """The rules version and day this request may read and keep the buyer's prices under
    (one query), None when it may not (see the module). ``once``: for a query operation,
    read once and reused by every later batch of the request (nothing in a query changes
    prices); a mutation never sets it, so its batches read it each time."""
    known = request.__dict__.get(_REQUEST_STATE)
    if known is not None and known[0] == buyer.pk:
        return known[1]
    day = timezone.localdate()
    if once:
        version, changed_here, path, currency, region = request_reads.read(
            request, "prices", [buyer.pk])
    else:
        [(version, changed_here, path, currency, region)] = fetch_all(_STATE, [buyer.pk])
    generation: Generation | None = (version, day)
    if changed_here or (path, currency, region) != (buyer.path, buyer.currency, buyer.region):
        generation = None
    if once:
        request.__dict__[_REQUEST_STATE] = (buyer.pk, generation)
    return generation


# A query's generation, read by its first batch or its first price field (``_generation``).
_REQUEST_STATE = "_kept_prices_generation"


def kept_walks(request, buyer: Organization
               ) -> tuple[OrderedDict, dict[int, Walk] | None] | None:
    """For a query: the kept walks of this request's generation, to read a variant's
    shown prices directly (``KEPT.walks_of``; keys (buyer id, variant id)), and the
    buyer's first walks (``KEPT.firsts_of``); None when nothing may be read. Reads the
    generation as the first batch would, once."""
    if settings.PRICE_CACHE_VARIANTS <= 0:
        return None
    generation = _generation(request, buyer, once=True)
    if generation is None:
        return None
    walks = KEPT.walks_of(generation)
    return None if walks is None else (walks, KEPT.firsts_of(generation, buyer.pk))


def kept_price_book(request, buyer: Organization,
                    variant_ids: list[int]) -> KeptPriceBook | PriceBook:
    """The buyer's prices of ``variant_ids`` for this request: kept ones read, the others
    resolved and kept; a plain ``PriceBook`` when nothing may be kept (see the module)."""
    limit = settings.PRICE_CACHE_VARIANTS
    if limit <= 0:
        return price_book(request, variant_ids)
    generation = _generation(request, buyer)
    if generation is None:
        return price_book(request, variant_ids)
    found = KEPT.take(generation, buyer.pk, variant_ids)
    if found is None:
        return price_book(request, variant_ids)
    return KeptPriceBook(request, buyer, variant_ids, generation, found, limit)
