"""Celery tasks of the price rules (found here by the worker's autodiscovery); each is
declared beside the service it runs."""

from .services.recompute import recompute_derived

__all__ = ["recompute_derived"]
