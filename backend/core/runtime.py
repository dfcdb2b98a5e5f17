"""Process tuning for the web server, applied once the application is loaded."""

from __future__ import annotations

import gc
from contextlib import contextmanager

from django.conf import settings


def tune_garbage_collector() -> None:
    """A GraphQL page allocates tens of thousands of short-lived objects; with the default
    thresholds the collector runs many times per request and walks every object loaded at
    start-up (Django, the schema). Freeze those start-up objects out of its way and collect
    the young generation less often (``GC_GEN0_THRESHOLD``; 0 leaves Python's defaults)."""
    threshold = settings.GC_GEN0_THRESHOLD
    if threshold <= 0:
        return
    gc.collect()
    gc.freeze()
    gc.set_threshold(threshold, 20, 20)


@contextmanager
def collector_paused():
    """No cyclic garbage collection while a request is being answered.

    A GraphQL page holds tens of thousands of live objects while it is built; a collection
    that starts then walks all of them (tens of ms on this machine) and lands on one
    request in twenty. Paused, the collection that is due runs at the first allocation
    after the request, when its objects are gone and only the survivors are walked. The
    pause is process-wide: with threaded workers another request may end it early, which
    only gives back the ordinary behaviour. Cycles made during one request wait until it
    ends.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
