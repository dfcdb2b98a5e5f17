"""Celery tasks of the price rules (found here by the worker's autodiscovery); each is
declared beside the service it runs."""

from .services.recompute import recompute_derived
from .stored_keys import prune_price_keys

__all__ = ["prune_price_keys", "recompute_derived"]
