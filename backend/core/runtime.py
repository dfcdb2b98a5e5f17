"""Process tuning for the web server, applied once the application is loaded."""

from __future__ import annotations

import gc

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
