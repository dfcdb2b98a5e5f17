"""Celery tasks of the checkout (found here by the worker's autodiscovery); each is
declared beside the service it runs."""

from .files.cleanup import delete_old_order_files

__all__ = ["delete_old_order_files"]
